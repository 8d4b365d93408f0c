"""The judge: hidden tests for hand-write tasks, run in a child process."""
