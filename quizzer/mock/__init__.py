"""Timed mock interviews: a plan like a real round, a clock, and a scorecard."""
