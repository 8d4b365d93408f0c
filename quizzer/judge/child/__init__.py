"""Code that runs only in the judge's child process (the only place torch is imported)."""
