"""Starts the latticeq-java kernel the way Jupyter does (kernelspec, connection file, ZeroMQ)
and checks its replies: results, streams, rich display data, in-place display updates, errors
with the failing line, completion, inspection. Run by environment/test.sh with Debian's
/usr/bin/python3 (jupyter_client) and JUPYTER_PATH pointing at target/jupyter.

Prints the kernel start time (kernel process start to the first kernel_info reply)."""
import base64
import sys
import time

from jupyter_client.manager import KernelManager

TIMEOUT = 120
failures = []


def check(name, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else "  -- " + str(detail)[:2000]))
    if not ok:
        failures.append(name)


def run(kc, code):
    """Executes code; returns (reply content, list of iopub messages of this request)."""
    msg_id = kc.execute(code)
    messages = []
    while True:
        msg = kc.get_iopub_msg(timeout=TIMEOUT)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=TIMEOUT)
    return reply["content"], messages


def of_type(messages, kind):
    return [m["content"] for m in messages if m["msg_type"] == kind]


def main():
    km = KernelManager(kernel_name="latticeq-java")
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        started = time.monotonic() - t0
        print("kernel start (to first kernel_info reply): %.2f s" % started)

        info = kc.kernel_info(reply=True, timeout=TIMEOUT)["content"]
        check("kernel_info says java", info["language_info"]["name"] == "java", info)

        reply, msgs = run(kc, "int a = 40;\na + 2")
        results = of_type(msgs, "execute_result")
        check("last expression is the execute_result",
              reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "42", (reply, msgs))

        reply, msgs = run(kc, 'System.out.println("to stdout");\nSystem.err.println("to stderr");')
        streams = {s["name"]: s["text"] for s in of_type(msgs, "stream")}
        check("stdout and stderr are streams",
              "to stdout" in streams.get("stdout", "") and "to stderr" in streams.get("stderr", ""), msgs)

        reply, msgs = run(kc, 'var c = Plots.xy("t", "x", "y");\n'
                              'Plots.line(c, "s", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nc')
        data = (of_type(msgs, "execute_result") or [{"data": {}}])[0]["data"]
        png = base64.b64decode(data.get("image/png", ""))
        check("XChart chart arrives as image/png", png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 2000, data.keys())

        reply, msgs = run(kc, 'Table.create("t", IntColumn.create("n", 1, 2, 3))')
        data = (of_type(msgs, "execute_result") or [{"data": {}}])[0]["data"]
        check("Tablesaw table arrives as text/html", "<table" in data.get("text/html", ""), data)

        reply, msgs = run(kc, 'ProgressBar bar = ProgressBar.start("work");\n'
                              'for (int i = 0; i < 5; i++) { Thread.sleep(250); bar.update(i + 1, 5, "i=" + i); }\n'
                              'bar.finish();')
        shown = of_type(msgs, "display_data")
        updates = of_type(msgs, "update_display_data")
        ids = {d.get("transient", {}).get("display_id") for d in shown}
        update_ids = {u.get("transient", {}).get("display_id") for u in updates}
        check("progress bar: one display, updated in place",
              len(shown) == 1 and len(updates) >= 2 and None not in ids and update_ids == ids
              and "100.0%" in updates[-1]["data"]["text/plain"], (shown, updates))

        reply, msgs = run(kc, "int ok = 1;\nint[] arr = new int[2];\narr[5] = ok;")
        errors = of_type(msgs, "error")
        trace = "\n".join(errors[0]["traceback"]) if errors else ""
        check("runtime error: status error, exception name, failing line",
              reply["status"] == "error" and errors and "ArrayIndexOutOfBoundsException" in errors[0]["evalue"]
              and "line 3" in trace and "arr[5] = ok;" in trace, (reply, errors))

        reply, msgs = run(kc, "String s = 42;")
        errors = of_type(msgs, "error")
        check("compile error: status error with the line",
              reply["status"] == "error" and errors and "line 1" in errors[0]["evalue"], (reply, errors))

        code = "Plots.heat"
        kc.complete(code, len(code))
        comp = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        check("completion", comp["status"] == "ok" and any(m.startswith("heatmap") for m in comp["matches"]), comp)

        code = "Math.max("
        kc.inspect(code, len(code))
        insp = kc.get_shell_msg(timeout=TIMEOUT)["content"]
        check("inspection", insp["status"] == "ok" and insp["found"] and "max(" in insp["data"]["text/plain"], insp)

        reply, msgs = run(kc, "%time int slow = 6 * 7;\nslow")
        streams = "".join(s["text"] for s in of_type(msgs, "stream"))
        check("%time prints the wall time", "Wall time:" in streams and of_type(msgs, "execute_result"), msgs)

        # Jupyter's interrupt (SIGINT by default) stops a busy cell; the kernel keeps its state.
        msg_id = kc.execute("long spins = 0;\nwhile (true) { spins++; }")
        time.sleep(2)
        km.interrupt_kernel()
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = kc.get_shell_msg(timeout=TIMEOUT)
        check("interrupt stops a busy cell", reply["content"]["status"] == "error"
              and "interrupted" in reply["content"].get("evalue", ""), reply["content"])
        reply, msgs = run(kc, "a + 1")
        results = of_type(msgs, "execute_result")
        check("kernel alive with its state after the interrupt",
              km.is_alive() and results and results[0]["data"]["text/plain"] == "41", (reply, msgs))
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    if failures:
        print("kernel protocol test: %d failure(s): %s" % (len(failures), ", ".join(failures)))
        return 1
    print("kernel protocol test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
