"""Claims: who says what about the war, with the words that say so."""
