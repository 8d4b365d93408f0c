"""One module per hand-write task: `RUN`, `CASES` and `BUGS` (see docs/judge-tasks.md). Child process only."""
