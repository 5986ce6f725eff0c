"""The ``omppy`` command (docs/runtime-api.md, "Three ways to run"): ``run`` behaves
like ``python``, ``translate`` writes runnable, stable Python, and errors are messages,
not omppy tracebacks."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest
from helpers import ROOT, run_omppy, run_python

# Every test runs programs end to end: not in the quick suite (pytest -m "not slow").
pytestmark = pytest.mark.slow

OMPPY_FRAME = re.compile(r'File "' + re.escape(str(ROOT / "omppy")))


def src(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


# -- omppy run: the program sees what python would give it -------------------------------


def test_run_argv_path_and_main_name(write):
    script = write(
        "sub/show.py",
        src(
            """
            import sys
            print(sys.argv)
            print(sys.path[0])
            print(__name__)
            """
        ),
    )
    got = run_omppy("run", str(script), "a", "b")
    assert got.status == 0, got.err
    assert got.err == ""
    assert got.out.splitlines() == [str([str(script), "a", "b"]), str(script.parent), "__main__"]


def test_run_argv_and_path_match_python(write, tmp_path):
    write(
        "show.py",
        src(
            """
            import sys
            print(sys.argv, sys.path[0], __name__, __file__)
            """
        ),
    )
    got = run_omppy("run", "show.py", "-x", "--flag", "y", cwd=tmp_path)
    expected = run_python("show.py", "-x", "--flag", "y", cwd=tmp_path)
    assert got.status == expected.status == 0, got.err
    assert got.out == expected.out


def test_run_options_after_script_go_to_the_script(write):
    script = write("opts.py", "import sys\nprint(sys.argv[1:])\n")
    got = run_omppy("run", str(script), "-m", "--help", "-h")
    assert got.status == 0, got.err
    assert got.out == "['-m', '--help', '-h']\n"


def test_run_pragmas_run_in_parallel(write):
    script = write(
        "par.py",
        src(
            """
            from omppy import omp_get_num_threads
            sizes = [0] * 4
            # omp parallel for
            for i in range(4):
                sizes[i] = omp_get_num_threads()
            print(sizes)
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "[2, 2, 2, 2]\n"


def test_exit_status_from_sys_exit_int(write):
    script = write("e.py", "import sys\nprint('before')\nsys.exit(3)\nprint('after')\n")
    got = run_omppy("run", str(script))
    assert (got.status, got.out, got.err) == (3, "before\n", "")


def test_exit_status_zero_and_none(write):
    assert run_omppy("run", str(write("z.py", "import sys\nsys.exit(0)\n"))).status == 0
    assert run_omppy("run", str(write("n.py", "import sys\nsys.exit()\n"))).status == 0
    assert run_omppy("run", str(write("f.py", "pass\n"))).status == 0


def test_exit_status_from_sys_exit_message(write):
    script = write("m.py", "import sys\nsys.exit('giving up: no input')\n")
    got = run_omppy("run", str(script))
    assert got.status == 1
    assert got.out == ""
    assert got.err == "giving up: no input\n"


def test_exit_status_from_sys_exit_in_a_worker(write):
    script = write(
        "w.py",
        src(
            """
            import sys
            print("start")
            # omp parallel for schedule(static, 1)
            for i in range(4):
                if i == 1:
                    sys.exit(3)
            print("not reached")
            """
        ),
    )
    expected = run_python(script)
    got = run_omppy("run", str(script), threads=2)
    assert (expected.status, expected.out) == (3, "start\n")
    assert (got.status, got.out, got.err) == (3, "start\n", "")


def test_exit_status_when_every_thread_exits(write):
    script = write(
        "all.py",
        src(
            """
            import sys
            print("start")
            # omp parallel
            # omp barrier
            sys.exit(3)
            # omp end parallel
            print("not reached")
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert (got.status, got.out) == (3, "start\n")
    assert "Traceback" not in got.err


TRACEBACK_PROGRAM = src(
    """
    import sys

    def work(n):
        out = [0] * n
        # omp parallel for
        for i in range(n):
            if i == n - 1:
                raise ValueError(f"bad item {i}")
            out[i] = i
        return out

    def main():
        work(int(sys.argv[1]))

    main()
    """
)


def test_uncaught_exception_plain_script(write):
    script = write("plain.py", "x = 1\n\n\nraise KeyError('missing key')\n")
    got = run_omppy("run", str(script))
    expected = run_python(script)
    assert got.status == expected.status == 1
    assert got.out == ""
    assert got.err == expected.err
    assert f'File "{script}", line 4, in <module>' in got.err


@pytest.mark.parametrize("threads", [1, 2, 3])
def test_uncaught_exception_in_loop_body_names_user_line(write, threads):
    # n = 4: the last iteration runs in the last thread (a worker when threads > 1)
    script = write("tb.py", TRACEBACK_PROGRAM)
    got = run_omppy("run", str(script), "4", threads=threads)
    assert got.status == 1
    assert got.out == ""
    assert f'File "{script}", line 8, in ' in got.err
    assert 'raise ValueError(f"bad item {i}")' in got.err
    assert f'File "{script}", line 13, in main' in got.err
    assert f'File "{script}", line 15, in <module>' in got.err
    assert got.err.rstrip().endswith("ValueError: bad item 3")
    assert not OMPPY_FRAME.search(got.err), got.err
    assert "_omp.parallel(" not in got.err  # no generated code shown as a source line


def test_uncaught_exception_in_master_thread_of_a_team(write):
    script = write("tb0.py", TRACEBACK_PROGRAM.replace("if i == n - 1:", "if i == 0:"))
    got = run_omppy("run", str(script), "4", threads=2)
    assert got.status == 1
    assert got.out == ""
    assert f'File "{script}", line 8, in ' in got.err
    assert f'File "{script}", line 13, in main' in got.err
    assert got.err.rstrip().endswith("ValueError: bad item 0")
    assert not OMPPY_FRAME.search(got.err), got.err


def test_uncaught_exception_in_worker_main_traceback_is_users(write):
    script = write("tb.py", TRACEBACK_PROGRAM)
    got = run_omppy("run", str(script), "4", threads=2)
    assert got.status == 1
    # the worker's traceback comes first (as the cause), then the master's
    cause, _, main = got.err.partition(
        "The above exception was the direct cause of the following exception:"
    )
    assert main, got.err
    assert f'File "{script}", line 8' in cause
    frames = re.findall(r'File "([^"]+)", line (\d+)', main)
    assert frames, main
    assert {name for name, _ in frames} == {str(script)}
    assert ("13" in {line for _, line in frames}) and ("15" in {line for _, line in frames})


def test_traceback_file_name_matches_python_for_relative_path(write, tmp_path):
    write("rel.py", "def f():\n    raise RuntimeError('x')\nf()\n")
    got = run_omppy("run", "rel.py", cwd=tmp_path)
    expected = run_python("rel.py", cwd=tmp_path)
    assert got.status == expected.status == 1
    assert got.err == expected.err


def test_run_module(write, tmp_path):
    write("pkg/__init__.py", "")
    write(
        "pkg/mod.py",
        src(
            """
            import sys
            from omppy import omp_get_num_threads
            sizes = [0] * 3
            # omp parallel for
            for i in range(3):
                sizes[i] = omp_get_num_threads()
            print(__name__, sys.argv[1:], sizes)
            print(sys.argv[0] == __file__, sys.path[0])
            sys.exit(4)
            """
        ),
    )
    got = run_omppy("run", "-m", "pkg.mod", "x", "y", cwd=tmp_path, threads=2)
    assert got.status == 4, got.err
    assert got.out == f"__main__ ['x', 'y'] [2, 2, 2]\nTrue {tmp_path}\n"
    assert got.err == ""


def test_run_module_missing(tmp_path):
    got = run_omppy("run", "-m", "no_such_module_here", cwd=tmp_path)
    assert got.status == 2
    assert got.out == ""
    assert got.err == "omppy: error: no module named 'no_such_module_here'\n"


def test_run_missing_script(tmp_path):
    got = run_omppy("run", "missing.py", cwd=tmp_path)
    assert got.status == 2
    assert got.out == ""
    assert got.err == "omppy: error: can't open file 'missing.py': No such file or directory\n"


def test_run_without_arguments_is_a_usage_error():
    got = run_omppy("run")
    assert got.status == 2
    assert got.out == ""
    assert got.err.startswith("Usage: omppy run [OPTIONS] [TARGET] [ARGS]...\n")
    assert got.err.endswith("Error: give a script to run, or -m MODULE\n")


@pytest.mark.parametrize("option", ["-c", "-X", "--unknown"])
def test_run_with_an_option_it_does_not_take_is_a_usage_error(option, tmp_path):
    # Not "can't open file '-c'": python's own options are not omppy run's.
    got = run_omppy("run", option, "print(1)", cwd=tmp_path)
    assert got.status == 2
    assert got.out == ""
    assert got.err.startswith("Usage: omppy run [OPTIONS] [TARGET] [ARGS]...\n")
    assert got.err.endswith(
        f"Error: No such option: {option} (omppy run takes a script, or -m MODULE)\n"
    )


def test_run_from_standard_input_is_a_usage_error(tmp_path):
    got = run_omppy("run", "-", cwd=tmp_path)
    assert got.status == 2
    assert got.err.endswith(
        "Error: omppy run cannot read the program from standard input ('-'): "
        "save it to a file\n"
    )


def test_run_module_keeps_options_after_the_module_for_it(write, tmp_path):
    write("showargs.py", "import sys\nprint(sys.argv[1:])\n")
    got = run_omppy("run", "-m", "showargs", "-c", "x", cwd=tmp_path)
    assert (got.status, got.out) == (0, "['-c', 'x']\n"), got.err


def test_no_command_prints_usage():
    got = run_omppy()
    assert got.status == 2
    assert "Usage: omppy [OPTIONS] COMMAND [ARGS]..." in got.out + got.err
    assert "run" in got.out + got.err and "translate" in got.out + got.err


def test_unknown_command():
    got = run_omppy("bogus")
    assert got.status == 2
    assert got.err.endswith("Error: No such command 'bogus'.\n")


def test_version():
    got = run_omppy("--version")
    assert got.status == 0
    assert re.fullmatch(r"omppy, version \d+\.\d+\.\d+\S*\n", got.out)


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("OMP_NUM_THREADS", "abc", "Error: OMP_NUM_THREADS='abc': expected a positive integer\n"),
        ("OMP_NUM_THREADS", "0", "Error: OMP_NUM_THREADS='0': expected a positive integer\n"),
        ("OMPPY_NUM_THREADS", "x", "Error: OMPPY_NUM_THREADS='x': expected a positive integer\n"),
        (
            "OMP_SCHEDULE",
            "fastest",
            "Error: OMP_SCHEDULE='fastest': unknown schedule kind 'fastest' "
            "(expected one of static, dynamic, guided, auto)\n",
        ),
    ],
)
def test_malformed_environment_is_a_usage_error(write, name, value, message):
    script = write("ok.py", "print('ran')\n")
    got = run_omppy("run", str(script), threads=None, env={name: value})
    assert got.status == 2
    assert got.out == ""  # the program did not start
    assert got.err.endswith(message)
    assert "Traceback" not in got.err


# -- omppy translate ----------------------------------------------------------------------

REDUCTION_PROGRAM = src(
    """
    import sys
    from omppy import omp_get_num_threads

    def main(n):
        total = 0
        squares = [0] * n
        # omp parallel for reduction(+:total) schedule(dynamic, 3)
        for i in range(n):
            total += i
            squares[i] = i * i
        print(total, squares)

    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
    """
)


def test_translate_to_stdout(write):
    script = write("prog.py", REDUCTION_PROGRAM)
    got = run_omppy("translate", str(script))
    assert got.status == 0, got.err
    assert got.err == ""
    assert got.out.startswith("import omppy.runtime as _omp  # generated by omppy translate\n")
    assert "# omp parallel for reduction(+:total) schedule(dynamic, 3)" in got.out
    compile(got.out, "translated.py", "exec")


def test_translate_to_output_file(write, tmp_path):
    script = write("prog.py", REDUCTION_PROGRAM)
    out = tmp_path / "out.py"
    got = run_omppy("translate", str(script), "-o", str(out))
    assert got.status == 0, got.err
    assert (got.out, got.err) == ("", "")
    assert out.read_text() == run_omppy("translate", str(script)).out


def test_translate_from_stdin():
    got = run_omppy("translate", "-", stdin=REDUCTION_PROGRAM)
    assert got.status == 0, got.err
    assert got.out == run_omppy("translate", "-", stdin=got.out).out


def test_translated_file_runs_with_plain_python(write, tmp_path):
    script = write("prog.py", REDUCTION_PROGRAM)
    out = tmp_path / "prog_translated.py"
    assert run_omppy("translate", str(script), "-o", str(out)).status == 0
    expected = run_python(script, "25")
    assert expected.status == 0
    for threads in ("1", "2", "3"):
        got = run_python(out, "25", env={"OMP_NUM_THREADS": threads})
        assert (got.status, got.out, got.err) == (0, expected.out, ""), threads


def test_translate_is_idempotent(write, tmp_path):
    script = write("prog.py", REDUCTION_PROGRAM)
    once, twice = tmp_path / "once.py", tmp_path / "twice.py"
    assert run_omppy("translate", str(script), "-o", str(once)).status == 0
    got = run_omppy("translate", str(once), "-o", str(twice))
    assert got.status == 0, got.err
    assert twice.read_bytes() == once.read_bytes()


def test_translate_is_idempotent_with_crlf(tmp_path):
    script = tmp_path / "crlf.py"
    script.write_bytes(REDUCTION_PROGRAM.replace("\n", "\r\n").encode())
    once, twice = tmp_path / "once.py", tmp_path / "twice.py"
    first = run_omppy("translate", str(script), "-o", str(once))
    assert first.status == 0, first.err
    got = run_omppy("translate", str(once), "-o", str(twice))
    assert got.status == 0, got.err
    assert twice.read_bytes() == once.read_bytes()


def test_translated_crlf_file_runs(tmp_path):
    script = tmp_path / "crlf.py"
    script.write_bytes(REDUCTION_PROGRAM.replace("\n", "\r\n").encode())
    out = tmp_path / "out.py"
    assert run_omppy("translate", str(script), "-o", str(out)).status == 0
    expected = run_python(script)
    got = run_python(out, env={"OMP_NUM_THREADS": "2"})
    assert (got.status, got.out) == (0, expected.out), got.err


@pytest.mark.parametrize(
    "data",
    [
        b"x = 1\nprint(x)\n",
        b"x = 1   \r\nprint(x)\t\r\n# a comment   \r\n\r\n",  # CRLF and trailing blanks
        b"x = 1   \n\n\nprint(x)  \n   \n\t\n",  # trailing whitespace, blank lines
        b"x = 1",  # no final newline
        b"",
        b"# -*- coding: utf-8 -*-\ns = '\xc3\xa9t\xc3\xa9'  # omp is not a pragma here\n#omppy\n",
        b"def f():\n\treturn 1 \\\n\t\t+ 2\n",  # tabs and a continuation
        b"#!/usr/bin/env python\r\nimport os\r\nprint(os.sep)",  # CRLF, no final newline
    ],
    ids=["plain", "crlf", "trailing-ws", "no-eol", "empty", "utf8", "tabs", "crlf-no-eol"],
)
def test_translate_file_without_pragmas_is_byte_identical(tmp_path, data):
    script = tmp_path / "nopragma.py"
    script.write_bytes(data)
    out = tmp_path / "out.py"
    got = run_omppy("translate", str(script), "-o", str(out))
    assert got.status == 0, got.err
    assert got.err == ""
    assert out.read_bytes() == data


def test_translate_without_pragmas_to_stdout_is_byte_identical(tmp_path):
    data = b"x = 1   \r\nprint(x)\t\r\n"
    script = tmp_path / "nopragma.py"
    script.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "omppy", "translate", str(script)],
        capture_output=True,
        timeout=30,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == data


PRAGMA_ERROR = src(
    """
    x = 0
    # omp parallel for reduciton(+:x)
    for i in range(3):
        x += i
    """
)
PRAGMA_ERROR_MESSAGE = (
    "{name}:2:20: unknown clause 'reduciton' (did you mean 'reduction'?)\n"
    "    # omp parallel for reduciton(+:x)\n"
    "                       ^\n"
)


def test_translate_pragma_error_message(write, tmp_path):
    script = write("bad.py", PRAGMA_ERROR)
    out = tmp_path / "out.py"
    got = run_omppy("translate", str(script), "-o", str(out))
    assert got.status == 1
    assert got.out == ""
    assert got.err == PRAGMA_ERROR_MESSAGE.format(name=script)
    assert "Traceback" not in got.err
    assert not out.exists()


def test_run_pragma_error_message(write):
    script = write("bad.py", PRAGMA_ERROR + "print('must not run')\n")
    got = run_omppy("run", str(script))
    assert got.status == 1
    assert got.out == ""
    assert got.err == PRAGMA_ERROR_MESSAGE.format(name=script)


def test_run_pragma_error_with_hint(write):
    script = write(
        "hint.py",
        src(
            """
            s = 0
            # omp parallel for
            for i in range(4):
                s += i
            """
        ),
    )
    got = run_omppy("run", str(script))
    assert got.status == 1
    assert got.err == (
        f"{script}:4:5: 's' is updated in '# omp parallel for' but has no data-sharing "
        "clause, so each thread would update a private copy that starts unbound\n"
        "        s += i\n"
        "        ^\n"
        "  hint: add reduction(+:s) to the pragma\n"
    )


def test_translate_syntax_error(write):
    script = write("syn.py", "def f(:\n    pass\n# omp parallel\nx = 1\n")
    got = run_omppy("translate", str(script))
    assert got.status == 1
    assert got.out == ""
    assert got.err == (
        f"{script}:1:7: syntax error: invalid syntax\n"
        "    def f(:\n"
        "          ^\n"
    )


def test_translate_syntax_error_python_gives_no_line_for(tmp_path):
    script = tmp_path / "nul.py"
    script.write_bytes(b"x = 1\x00\n# omp parallel\nx = 2\n")
    got = run_omppy("translate", str(script))
    assert got.status == 1
    assert got.err.startswith(f"{script}: syntax error: source code ")
    assert got.err.endswith("cannot contain null bytes\n")


def test_run_syntax_error_without_pragmas_like_python(write):
    script = write("syn.py", "def f(:\n    pass\n")
    got = run_omppy("run", str(script))
    expected = run_python(script)
    assert got.status == expected.status == 1
    assert got.out == ""
    assert got.err.rstrip().endswith("SyntaxError: invalid syntax")
    assert "def f(:" in got.err


def test_run_syntax_error_with_pragmas_reports_only_the_syntax_error(write):
    script = write("syn.py", "def f(:\n    pass\n# omp parallel\nx = 1\n")
    got = run_omppy("run", str(script))
    assert got.status == 1
    assert got.out == ""
    assert got.err.rstrip().endswith("SyntaxError: invalid syntax")
    assert f'File "{script}", line 1' in got.err or f"{script}:1" in got.err
    assert not OMPPY_FRAME.search(got.err), got.err
    assert "libcst" not in got.err
    assert "During handling" not in got.err


def test_translate_missing_file():
    got = run_omppy("translate", "definitely_missing.py")
    assert got.status == 2
    assert got.err.endswith(
        "Error: Invalid value for 'SOURCE': File 'definitely_missing.py' does not exist.\n"
    )


def test_translate_not_utf8(tmp_path):
    script = tmp_path / "latin.py"
    script.write_bytes(b"s = '\xe9t\xe9'\n# omp parallel\nx = 1\n")
    got = run_omppy("translate", str(script))
    assert got.status == 1
    assert got.err.startswith(f"{script}: error: cannot decode the source (")
    assert "Traceback" not in got.err


def test_translate_keeps_a_declared_encoding(tmp_path):
    script = tmp_path / "latin.py"
    source = "# -*- coding: latin-1 -*-\ns = 'caf\xe9'\nout = [None] * 2\n"
    source += "# omp parallel for\nfor i in range(2):\n    out[i] = s * i\nprint(out)\n"
    script.write_bytes(source.encode("latin-1"))
    output = tmp_path / "out.py"
    got = run_omppy("translate", str(script), "-o", str(output))
    assert got.status == 0, got.err
    assert run_python(output).out == run_python(script).out == "['', 'caf\xe9']\n"


def test_translate_to_a_path_that_cannot_be_written(tmp_path):
    script = tmp_path / "s.py"
    script.write_text("x = 1\n")
    got = run_omppy("translate", str(script), "-o", str(tmp_path / "missing" / "out.py"))
    assert got.status == 2
    assert got.err.startswith("omppy translate: error: cannot write ")
    assert "Traceback" not in got.err


def test_run_a_file_python_cannot_decode_like_python(tmp_path):
    script = tmp_path / "bad.py"
    script.write_bytes(b"print(1)\n\xff\xfe\n")
    got = run_omppy("run", str(script))
    expected = run_python(script)
    assert got.status == expected.status == 1
    assert got.err == expected.err


# -- pragmas in every kind of block are translated ----------------------------------------

ELIF_PROGRAM = src(
    """
    import sys
    from omppy import omp_get_num_threads
    mode = sys.argv[1]
    if mode == "if":
        # omp parallel
        print(mode, omp_get_num_threads())
    elif mode == "elif":
        # omp parallel
        print(mode, omp_get_num_threads())
    else:
        # omp parallel
        print(mode, omp_get_num_threads())
    """
)


def test_pragma_in_if_branch_runs_in_parallel(write):
    script = write("branches.py", ELIF_PROGRAM)
    got = run_omppy("run", str(script), "if", threads=2)
    assert (got.status, got.out) == (0, "if 2\nif 2\n"), got.err


@pytest.mark.parametrize("mode", ["elif", "else"])
def test_pragma_in_elif_and_else_branches_runs_in_parallel(write, mode):
    script = write("branches.py", ELIF_PROGRAM)
    got = run_omppy("run", str(script), mode, threads=2)
    assert (got.status, got.out) == (0, f"{mode} 2\n{mode} 2\n"), got.err


def test_critical_in_elif_branch_is_honoured(write):
    script = write(
        "crit.py",
        src(
            """
            hits = []
            x = 1
            # omp parallel
            if x == 0:
                pass
            elif x == 1:
                # omp critical
                hits.append(1)
            # omp end parallel
            print(len(hits))
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert (got.status, got.out) == (0, "2\n"), got.err


def test_pragma_in_other_blocks_runs_in_parallel(write):
    script = write(
        "blocks.py",
        src(
            """
            from omppy import omp_get_num_threads
            try:
                pass
            except Exception:
                pass
            else:
                # omp parallel
                print("try-else", omp_get_num_threads())
            finally:
                # omp parallel
                print("finally", omp_get_num_threads())
            while True:
                # omp parallel
                print("while", omp_get_num_threads())
                break
            with open(__file__):
                # omp parallel
                print("with", omp_get_num_threads())
            match 1:
                case 1:
                    # omp parallel
                    print("match", omp_get_num_threads())
            """
        ),
    )
    got = run_omppy("run", str(script), threads=2)
    assert got.status == 0, got.err
    assert got.out == "".join(
        f"{what} 2\n" * 2 for what in ("try-else", "finally", "while", "with", "match")
    )
