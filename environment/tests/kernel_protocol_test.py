"""Starts the latticeq-java kernel the way Jupyter does (kernelspec, connection file, ZeroMQ)
and checks its replies: results, streams, rich display data, in-place display updates, errors
with the failing line, completion, inspection, and the magics: %maven / %mavenRepo /
%%loadFromPOM against a Maven repository this test writes on disk (offline), %jars, %classpath,
%load, %display svg|png, %%html, %%markdown, display/updateDisplay, System.in through
input_request (and its refusal when allow_stdin is false), %sh / %%bash. Run by
environment/test.sh with Debian's /usr/bin/python3 (jupyter_client) and JUPYTER_PATH pointing at
target/jupyter. The kernel's local Maven repository is a temporary folder (-Dmaven.repo.local
through JAVA_TOOL_OPTIONS), so nothing is written to ~/.m2.

Prints the kernel start time (kernel process start to the first kernel_info reply)."""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

from jupyter_client.manager import KernelManager

TIMEOUT = 120
failures = []


def check(name, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else "  -- " + str(detail)[:2000]))
    if not ok:
        failures.append(name)


def run(kc, code, allow_stdin=True, stdin_reply=None):
    """Executes code; returns (reply content, list of iopub messages of this request). With
    stdin_reply, answers the kernel's input_request with that line (and records the prompt)."""
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    messages = []
    if stdin_reply is not None:
        request = kc.get_stdin_msg(timeout=TIMEOUT)
        messages.append(request)
        kc.input(stdin_reply)
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


def compile_jar(work, name, sources, classpath=()):
    """Compiles {class name: source} with javac into work/name.jar; returns (jar, classes dir)."""
    src = os.path.join(work, name + "-src")
    classes = os.path.join(work, name + "-classes")
    os.makedirs(classes, exist_ok=True)
    files = []
    for cls, code in sources.items():
        path = os.path.join(src, cls.replace(".", "/") + ".java")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(code)
        files.append(path)
    cmd = ["javac", "-d", classes] + (["-cp", os.pathsep.join(classpath)] if classpath else []) + files
    subprocess.run(cmd, check=True)
    jar = os.path.join(work, name + ".jar")
    with zipfile.ZipFile(jar, "w") as z:
        for root, _, names in os.walk(classes):
            for n in names:
                full = os.path.join(root, n)
                z.write(full, os.path.relpath(full, classes))
    return jar, classes


def install(repo, group, artifact, version, jar, deps=()):
    """Puts jar and a POM naming deps ("g:a:v") into the file repository's layout."""
    d = os.path.join(repo, group.replace(".", "/"), artifact, version)
    os.makedirs(d, exist_ok=True)
    shutil.copy(jar, os.path.join(d, "%s-%s.jar" % (artifact, version)))
    dep_xml = "".join("<dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>"
                      % tuple(x.split(":")) for x in deps)
    with open(os.path.join(d, "%s-%s.pom" % (artifact, version)), "w") as f:
        f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                "<groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>"
                "<dependencies>%s</dependencies></project>" % (group, artifact, version, dep_xml))


def write_fixtures(work):
    """A file Maven repository (greeting -> words; lonely; clash, which holds a class the kernel
    already has), a jar and a class folder for %jars/%classpath, a .jsh and a notebook for %load."""
    repo = os.path.join(work, "repo")
    words, _ = compile_jar(work, "words", {"demo.words.Words":
        "package demo.words; public class Words { public static String join(String a, String b) { return a + \", \" + b; } }"})
    install(repo, "org.latticeq.demo", "words", "1.0", words)
    greeting, _ = compile_jar(work, "greeting", {"demo.greeting.Greeting":
        "package demo.greeting; public class Greeting { public static String hello() { return demo.words.Words.join(\"hello\", \"world\"); } }"},
        [words])
    install(repo, "org.latticeq.demo", "greeting", "1.0", greeting, ["org.latticeq.demo:words:1.0"])
    lonely, _ = compile_jar(work, "lonely", {"demo.lonely.Lonely":
        "package demo.lonely; public class Lonely { public static int x() { return 8; } }"})
    install(repo, "org.latticeq.demo", "lonely", "1.0", lonely)
    pommed, _ = compile_jar(work, "pommed", {"demo.pommed.Pommed":
        "package demo.pommed; public class Pommed { public static int x() { return 9; } }"})
    install(repo, "org.latticeq.demo", "pommed", "1.0", pommed)
    clash = os.path.join(work, "clash.jar")
    with zipfile.ZipFile(clash, "w") as z:
        z.writestr("com/fasterxml/jackson/databind/ObjectMapper.class", b"\xca\xfe")
    install(repo, "org.latticeq.demo", "clash", "1.0", clash)
    lib = os.path.join(work, "lib")
    os.makedirs(lib)
    jar, _ = compile_jar(work, "tools", {"demo.tools.Tools": "package demo.tools; public class Tools { public static int answer() { return 42; } }"})
    shutil.copy(jar, os.path.join(lib, "tools.jar"))
    _, classes = compile_jar(work, "dir", {"demo.dir.InDir": "package demo.dir; public class InDir { public static String where() { return \"dir\"; } }"})
    with open(os.path.join(work, "helpers.jsh"), "w") as f:
        f.write("int fromScript = 20;\nint twice(int x) { return 2 * x; }\n")
    with open(os.path.join(work, "other.ipynb"), "w") as f:
        json.dump({"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# other"]},
            {"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": None,
             "source": ["int fromNotebook = 1;\n", "fromNotebook += twice(fromScript);"]}]}, f)
    return repo, lib, classes


def error_text(msgs):
    errors = of_type(msgs, "error")
    return (errors[0]["evalue"] + "\n" + "\n".join(errors[0]["traceback"])) if errors else ""


def check_magics(kc, work):
    repo, lib, classes = write_fixtures(work)
    repo_url = "file://" + repo

    reply, msgs = run(kc, "%mavenRepo demo " + repo_url + "\n%maven org.latticeq.demo:greeting:1.0")
    out = "".join(s["text"] for s in of_type(msgs, "stream"))
    check("%maven resolves transitively from a file repository",
          reply["status"] == "ok" and "org.latticeq.demo:words:1.0" in out and "added 2 entries" in out, (reply, out))
    reply, msgs = run(kc, "demo.greeting.Greeting.hello()")
    results = of_type(msgs, "execute_result")
    check("%maven: the artifact's classes work in the next cell",
          results and results[0]["data"]["text/plain"] == "hello, world", (reply, msgs))
    local = os.path.join(work, "local-repo", "org", "latticeq", "demo", "words", "1.0", "words-1.0.jar")
    check("%maven: resolved into the local repository", os.path.isfile(local), local)

    reply, msgs = run(kc, "%maven org.latticeq.demo:lonely:1.0 org.latticeq.demo:missing:9.9")
    text = error_text(msgs)
    check("%maven: a failed resolution names the magic and the artifact",
          reply["status"] == "error" and "%maven" in text and "org.latticeq.demo:missing:9.9" in text, text)
    reply, msgs = run(kc, "demo.lonely.Lonely.x()")
    check("%maven: a failed resolution leaves the class path unchanged", reply["status"] == "error"
          and "package demo.lonely does not exist" in reply.get("evalue", ""), reply)

    reply, msgs = run(kc, "%maven org.latticeq.demo")
    text = error_text(msgs)
    check("%maven: a bad coordinate is named", reply["status"] == "error" and "%maven" in text
          and "'org.latticeq.demo' is not a Maven coordinate" in text, text)

    reply, msgs = run(kc, "%maven org.latticeq.demo:clash:1.0")
    out = "".join(s["text"] for s in of_type(msgs, "stream"))
    check("%maven: a class the kernel already has is reported, not shadowed",
          "NOT added clash-1.0.jar" in out and "jackson-databind" in out, out)

    reply, msgs = run(kc, "%%loadFromPOM\n<repositories><repository><id>demo2</id><url>" + repo_url + "</url></repository></repositories>\n"
                          "<dependency>\n  <groupId>org.latticeq.demo</groupId>\n  <artifactId>pommed</artifactId>\n"
                          "  <version>1.0</version>\n</dependency>")
    reply2, msgs2 = run(kc, "demo.pommed.Pommed.x()")
    results = of_type(msgs2, "execute_result")
    check("%%loadFromPOM: a pasted fragment's dependency becomes usable", reply["status"] == "ok"
          and results and results[0]["data"]["text/plain"] == "9", (reply, msgs, msgs2))

    reply, msgs = run(kc, "%jars " + lib + "/*.jar\n%classpath " + classes)
    reply2, msgs2 = run(kc, "import demo.tools.Tools;\nTools.answer() + demo.dir.InDir.where()")
    results = of_type(msgs2, "execute_result")
    check("%jars and %classpath: classes importable in the next cell", reply["status"] == "ok"
          and results and results[0]["data"]["text/plain"] == "42dir", (reply, msgs2))
    reply, msgs = run(kc, "%jars " + work + "/nothing-here/*.jar")
    text = error_text(msgs)
    check("%jars: a glob matching nothing names the magic and the glob",
          reply["status"] == "error" and "%jars" in text and "nothing-here/*.jar" in text, text)

    reply, msgs = run(kc, "%load " + os.path.join(work, "helpers.jsh") + "\n%load " + os.path.join(work, "other.ipynb")
                      + "\nfromNotebook")
    results = of_type(msgs, "execute_result")
    check("%load runs a .jsh file and a notebook's code cells", reply["status"] == "ok"
          and results and results[0]["data"]["text/plain"] == "41", (reply, msgs))

    chart = 'var sc = Plots.xy("svg", "x", "y");\nPlots.line(sc, "s", new double[] {1, 2, 3}, new double[] {3, 1, 2});\nsc'
    reply, msgs = run(kc, "%display svg\n" + chart)
    data = (of_type(msgs, "execute_result") or [{"data": {}}])[0]["data"]
    check("%display svg: a chart arrives as image/svg+xml (no png)",
          data.get("image/svg+xml", "").startswith("<svg") and "image/png" not in data, list(data.keys()))
    reply, msgs = run(kc, "%display png\nsc")
    data = (of_type(msgs, "execute_result") or [{"data": {}}])[0]["data"]
    check("%display png: back to image/png", "image/png" in data and "image/svg+xml" not in data, list(data.keys()))
    reply, msgs = run(kc, "%display jpeg")
    text = error_text(msgs)
    check("%display: a bad format names the magic and the argument", "%display" in text and "jpeg" in text, text)

    reply, msgs = run(kc, "%%html\n<b>bold</b>")
    shown = of_type(msgs, "display_data")
    check("%%html shows text/html", shown and shown[0]["data"].get("text/html") == "<b>bold</b>", msgs)
    reply, msgs = run(kc, "%%markdown\n**strong**")
    shown = of_type(msgs, "display_data")
    check("%%markdown shows text/markdown", shown and shown[0]["data"].get("text/markdown") == "**strong**", msgs)
    reply, msgs = run(kc, 'Display.html("<i>h</i>");\nDisplay.markdown("*m*");')
    shown = of_type(msgs, "display_data")
    check("Display.html and Display.markdown", len(shown) == 2 and shown[0]["data"].get("text/html") == "<i>h</i>"
          and shown[1]["data"].get("text/markdown") == "*m*", shown)

    reply, msgs = run(kc, 'String did = display("first");\nupdateDisplay(did, "second");')
    shown = of_type(msgs, "display_data")
    updates = of_type(msgs, "update_display_data")
    the_id = shown[0].get("transient", {}).get("display_id") if shown else None
    check("display(obj) returns an id that updateDisplay(id, obj) replaces",
          the_id and updates and updates[0].get("transient", {}).get("display_id") == the_id
          and updates[0]["data"]["text/plain"] == "second", (shown, updates))

    reply, msgs = run(kc, "new java.util.Scanner(System.in).nextLine().toUpperCase()", stdin_reply="typed line")
    results = of_type(msgs, "execute_result")
    asked = [m for m in msgs if m["msg_type"] == "input_request"]
    check("System.in reads a line through input_request", asked and results
          and results[0]["data"]["text/plain"] == "TYPED LINE", (reply, msgs))
    reply, msgs = run(kc, "new java.util.Scanner(System.in).nextLine()", allow_stdin=False)
    text = error_text(msgs)
    check("System.in without allow_stdin: a clear error", reply["status"] == "error"
          and "allow_stdin=false" in text, text)

    reply, msgs = run(kc, "%sh ls " + lib)
    out = "".join(s["text"] for s in of_type(msgs, "stream"))
    check("%sh runs a command", reply["status"] == "ok" and "tools.jar" in out, (reply, out))
    reply, msgs = run(kc, "%%bash\ncd " + work + "\nls *.jsh\necho done >&2")
    streams = {s["name"]: s["text"] for s in of_type(msgs, "stream")}
    check("%%bash runs a script, stdout and stderr apart", "helpers.jsh" in streams.get("stdout", "")
          and "done" in streams.get("stderr", ""), msgs)
    reply, msgs = run(kc, "%sh exit 3")
    text = error_text(msgs)
    check("%sh: a failing command names the magic and the status", reply["status"] == "error"
          and "%sh" in text and "status 3" in text, text)


def main():
    km = KernelManager(kernel_name="latticeq-java")
    work = tempfile.mkdtemp(prefix="latticeq-kernel-test-")
    env = dict(os.environ)
    # The kernel's local Maven repository: a temporary folder, never the user's ~/.m2.
    env["JAVA_TOOL_OPTIONS"] = (env.get("JAVA_TOOL_OPTIONS", "") + " -Dmaven.repo.local="
                                + os.path.join(work, "local-repo")).strip()
    t0 = time.monotonic()
    km.start_kernel(env=env)
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

        for lines in (30000, 200000):
            start = time.time()
            reply, msgs = run(kc, 'for (int i = 0; i < %d; i++) System.out.println(i);' % lines)
            took = time.time() - start
            chunks = [s["text"] for s in of_type(msgs, "stream") if s["name"] == "stdout"]
            got = "".join(chunks).split("\n")
            check("%d printed lines: every line, in order, then idle, within a few seconds" % lines,
                  reply["status"] == "ok" and got[:-1] == [str(i) for i in range(lines)] and took < 20,
                  "%d lines in %d messages, %.1f s" % (len(got) - 1, len(chunks), took))
            check("%d printed lines arrive in chunks, not a message per line" % lines, len(chunks) < lines / 50, len(chunks))
        reply, msgs = run(kc, 'System.out.println("before");\nDisplay.html("<i>x</i>");\nSystem.out.println("after");')
        order = [m["msg_type"] + ":" + (m["content"].get("text", "").strip()) for m in msgs if m["msg_type"] in ("stream", "display_data")]
        check("stdout and displays keep their order", order == ["stream:before", "display_data:", "stream:after"], order)

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

        run(kc, 'new Thread(() -> { try { Thread.sleep(300); } catch (InterruptedException e) {} System.out.println("late line"); }).start();')
        time.sleep(1.5)
        reply, msgs = run(kc, "int after = 1;")
        streams = {s["name"]: s["text"] for s in of_type(msgs, "stream")}
        check("output a background thread printed after its cell shows in the next cell",
              "late line" in streams.get("stdout", "") and "after the previous cell had ended" in streams.get("stdout", ""), msgs)

        run(kc, "int kept = 41;")
        reply, msgs = run(kc, "System.exit(1);")
        text = "\n".join(e.get("evalue", "") for e in of_type(msgs, "error"))
        check("System.exit in a cell: refused as the cell's error", reply["status"] == "error" and "System.exit(1)" in text, (reply, msgs))
        reply, msgs = run(kc, "kept + 1")
        results = of_type(msgs, "execute_result")
        check("System.exit in a cell: the kernel and its variables survive",
              reply["status"] == "ok" and results and results[0]["data"]["text/plain"] == "42", (reply, msgs))

        reply, msgs = run(kc, "int deep(int n) { return deep(n + 1) + 1; }\ndeep(0);")
        errors = of_type(msgs, "error")
        trace = errors[0]["traceback"] if errors else []
        check("a stack overflow's traceback shows the repeated frame once",
              reply["status"] == "error" and "StackOverflowError" in "\n".join(trace) and len(trace) < 30
              and any("more times" in line for line in trace), trace[:40])

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

        # Jupyter's interrupt (an interrupt_request, kernel.json's interrupt_mode) stops a busy cell; the kernel keeps its state.
        msg_id = kc.execute('System.out.println("spinning");\nlong spins = 0;\nwhile (true) { spins++; }')
        # interrupt once the cell runs (on a loaded machine a fixed wait can come before it starts)
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            msg = kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream" and "spinning" in msg["content"]["text"]:
                break
        time.sleep(0.5)
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

        check_magics(kc, work)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        print("kernel protocol test: %d failure(s): %s" % (len(failures), ", ".join(failures)))
        return 1
    print("kernel protocol test: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
