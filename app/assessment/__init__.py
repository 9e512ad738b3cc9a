"""Assessment: the item bank, IRT, the adaptive placement test and mock exams."""
