"""Daily practice: spaced-repetition cards scheduled with FSRS."""
