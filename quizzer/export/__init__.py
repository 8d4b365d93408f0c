"""Taking the banks elsewhere: an Anki deck package built from the questions and their kinds."""
