"""An optional LLM interviewer on the user's own OpenAI-compatible endpoint: rubric grading and follow-ups."""
