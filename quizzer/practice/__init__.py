"""Practice: the session state machine, the interactive loop, saving and scheduling, history summaries."""
