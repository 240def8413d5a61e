#!/usr/bin/python3
"""A kernel whose front end is killed with -9 ends by itself (ParentWatch): a child process starts
the latticeq-java kernel through jupyter_client and prints the kernel's pid; this test kills the
child with SIGKILL and expects the kernel process gone within 15 s."""
import os, signal, subprocess, sys, time

CHILD = r'''
import sys, time
from jupyter_client import KernelManager
km = KernelManager(kernel_name="latticeq-java")
km.start_kernel()
kc = km.client(); kc.start_channels(); kc.wait_for_ready(timeout=120)
print(km.provisioner.process.pid if hasattr(km, "provisioner") and km.provisioner else km.kernel.pid, flush=True)
time.sleep(600)
'''

child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
line = child.stdout.readline().strip()
if not line.isdigit():
    print("parent-watch test: FAIL: no kernel pid from the child (%r)" % line)
    child.kill()
    sys.exit(1)
kernel = int(line)
os.kill(child.pid, signal.SIGKILL)
child.wait()
deadline = time.time() + 15
while time.time() < deadline:
    try:
        os.kill(kernel, 0)
    except ProcessLookupError:
        print("parent-watch test: ok (kernel %d ended %.1f s after its front end was killed)" % (kernel, 15 - (deadline - time.time())))
        sys.exit(0)
    # a zombie (exited, not reaped by its dead parent's init yet) also counts as ended
    try:
        with open("/proc/%d/stat" % kernel) as f:
            if f.read().split()[2] == "Z":
                print("parent-watch test: ok (kernel %d exited)" % kernel)
                sys.exit(0)
    except FileNotFoundError:
        pass
    time.sleep(0.5)
os.kill(kernel, signal.SIGKILL)
print("parent-watch test: FAIL: kernel %d still alive 15 s after its front end was killed" % kernel)
sys.exit(1)
