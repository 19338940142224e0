"""Events: the ACLED taxonomy and the classification of short event descriptions."""
