"""Cause 2: output onto devices and FIFOs.

`-o` onto a character device or a FIFO replaced the node with a regular file (exit 0, "wrote …"); as
root, `-o /dev/null` or `-o /dev/stdout` would have replaced the system's node. Now every output
refuses anything but a regular file or a new path, with one line, exit 1, and the node untouched.
The devices here are made in the test's own folder (a copy of /dev/null's device numbers), so a
failing test never touches the system's.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from harness import ARTICLES, in_namespace, process

from quizgen.atomic import write_text


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def null_device(path: Path) -> Path:
    """A character device like /dev/null (1, 3), or skip where this user cannot make one."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (CAP_MKNOD)")
    return path


MAKERS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (fifo, "a FIFO"),
    "device": (null_device, "a character device"),
}


def assert_untouched(path: Path, kind: str) -> None:
    mode = path.lstat().st_mode
    assert (stat.S_ISFIFO(mode) if kind == "fifo" else stat.S_ISCHR(mode)), f"{path} was replaced"


@pytest.mark.parametrize("kind", MAKERS)
def test_export_refuses_a_fifo_or_a_device(bank: Path, kind: str) -> None:
    make, what = MAKERS[kind]
    target = make(Path("target"))
    res = process("export", "--bank", "bank", "-f", "gift", "-o", "target", timeout=30)
    assert res.fails_cleanly() == (f"Error: will not write target: it is {what}, not a regular file; "
                                   "quizgen writes only regular files\n")
    assert_untouched(target, kind)
    assert "wrote" not in res.out


def test_a_link_to_standard_output_is_not_replaced(bank: Path) -> None:
    os.symlink("/proc/self/fd/1", "stdout")  # what /dev/stdout is, made here so a failure cannot harm /dev
    res = process("export", "--bank", "bank", "-f", "gift", "-o", "stdout", timeout=30)
    assert res.fails_cleanly() == "Error: will not write stdout: it leads into /proc, a system folder; give a file path\n"
    assert Path("stdout").is_symlink() and os.readlink("stdout") == "/proc/self/fd/1"


def test_export_to_dev_stdout_writes_to_standard_output(bank: Path, tmp_path: Path) -> None:
    # In a private mount namespace with its own /dev, so a failure replaces a copy, never the system's /dev/stdout.
    script = (f"cd {tmp_path} && mount -t tmpfs tmpfs /dev && ln -s /proc/self/fd/1 /dev/stdout && "
              "for d in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9; do IFS=: read n a b <<EOF\n$d\nEOF\n"
              "mknod -m 666 /dev/$n c $a $b; done\n"
              "$QUIZGEN export --bank bank -f gift -o /dev/stdout >out.txt 2>err.txt; echo rc=$?; "
              "stat -c %F /dev/stdout; head -c 31 out.txt; echo")
    res = in_namespace(script)
    assert res.out.splitlines() == ["rc=0", "symbolic link", "// quizgen question bank export"], (res.out, res.err)


@pytest.mark.parametrize(("args", "name"), [
    (("build", "--bank", "bank", "--only", "export"), "quizgen.gift.txt"),
    (("anki",), "china-russia.apkg"),  # the bundled bank and recipes
    (("worksheet", "--bank", "bank", "-n", "2", "--format", "html", "--seed", "1"), "worksheet-A.html"),
])
def test_every_generator_refuses_a_fifo_where_a_file_would_go(bank: Path, args: tuple[str, ...], name: str) -> None:
    out = Path("out")
    out.mkdir()
    target = fifo(out / name)
    res = process(*args, "-o", "out", timeout=120)
    assert f"will not write out/{name}: it is a FIFO, not a regular file" in res.fails_cleanly()
    assert_untouched(target, "fifo")
    assert not [p for p in out.iterdir() if p.name.startswith(".")], "temporary files left behind"


def test_extract_refuses_a_fifo(bank: Path) -> None:
    pytest.importorskip("sudachipy")
    target = fifo(Path("drafts.yaml"))
    res = process("extract", str(ARTICLES / "t1.txt"), "--bank", "bank", "-o", "drafts.yaml", timeout=60)
    assert "will not write drafts.yaml: it is a FIFO, not a regular file" in res.fails_cleanly()
    assert_untouched(target, "fifo")


def test_the_library_refuses_too(tmp_path: Path) -> None:
    from quizgen.errors import OutputError

    target = fifo(tmp_path / "f")
    with pytest.raises(OutputError, match="it is a FIFO, not a regular file"):
        write_text(target, "x")
    with pytest.raises(OutputError, match="it is a folder; give a file name"):
        write_text(tmp_path, "x")
    assert_untouched(target, "fifo")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]


def test_a_regular_file_and_a_link_to_one_are_still_written(tmp_path: Path) -> None:
    (tmp_path / "real.txt").write_text("old", encoding="utf-8")
    os.symlink("real.txt", tmp_path / "link.txt")
    write_text(tmp_path / "real.txt", "new")
    write_text(tmp_path / "new.txt", "new")
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "new.txt").read_text(encoding="utf-8") == "new"
    assert (tmp_path / "link.txt").is_symlink()


# A link is never written through (hostile pass 8, B19/B21): test_h8_b19_no_write_through_links.py.


def test_dev_stderr_onto_a_file_is_not_replaced(bank: Path, tmp_path: Path) -> None:
    # Found in the adversarial pass: with standard error going to a regular file, -o /dev/stderr passed the
    # regular-file check and the rename replaced the system's /dev/stderr link with a regular file. In a
    # private mount namespace with its own /dev, so a failure replaces a copy.
    script = (f"cd {tmp_path} && mount -t tmpfs tmpfs /dev && ln -s /proc/self/fd/2 /dev/stderr && "
              "mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/urandom c 1 9 && "
              "$QUIZGEN export --bank bank -f gift -o /dev/stderr 2>err.txt; echo rc=$?; "
              "stat -c %F /dev/stderr; tail -n 1 err.txt; "
              "$QUIZGEN export --bank bank -f gift -o /dev/new.gift 2>err.txt; echo rc=$?; tail -n 1 err.txt; "
              "ls /dev")
    res = in_namespace(script)
    assert res.out.splitlines() == [
        "rc=1", "symbolic link",
        "Error: will not write /dev/stderr: it is in /dev, a system folder; give a file path",
        "rc=1", "Error: will not write /dev/new.gift: it is in /dev, a system folder; give a file path",
        "null", "stderr", "urandom"], (res.out, res.err)
