"""The `quizgen` command as its console script and `python -m quizgen` start it. A Ctrl-C that comes while the
program is still loading, before `quizgen.cli` has set its guards, ends as a later one does — one line,
「Error: stopped by SIGINT」, exit 130 — not with a traceback (hostile pass 12: about 2 presses in 8 in the first
0.2 s printed one; pass 14: some still did, inside the `enum` and `functools` that `import signal` loads).

So this module's first statement takes SIGINT with a handler that needs nothing imported: nothing has been opened
or written while loading, so it writes the line and ends the process at once. Only Python's own start-up, before
this module runs (a few milliseconds), is left to Python. Once `quizgen.cli` is loaded, Python's own handler is
back, for the guards `quizgen.cli.guards` sets on it.
"""

import _signal  # type: ignore[import-not-found]  # `signal` itself loads enum and functools
import os
import sys

_LINE = b"Error: stopped by SIGINT\n"


def _stopped_while_loading(signum: int, frame: object) -> None:
    try:
        os.write(2, _LINE)
    finally:
        os._exit(128 + _signal.SIGINT)


_OURS = _signal.getsignal(_signal.SIGINT) is _signal.default_int_handler  # not when started with SIGINT ignored
if _OURS:
    _signal.signal(_signal.SIGINT, _stopped_while_loading)


def main() -> None:
    try:  # Python's handler back inside the `try`: a Ctrl-C between the two statements is caught too (hostile23: one
        # in about 300 presses at 0.06-0.14 s printed a traceback through this line)
        from quizgen.cli import main as run

        if _OURS:
            _signal.signal(_signal.SIGINT, _signal.default_int_handler)
        run()
    except KeyboardInterrupt:  # before `run` has set its guards
        sys.stderr.write(_LINE.decode())
        raise SystemExit(128 + _signal.SIGINT) from None
