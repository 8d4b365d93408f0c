"""One folder per hand-write task: task.yaml, cases.py (`RUN`, `CASES`, `BUGS`), starter.py (docs/judge-tasks.md)."""
