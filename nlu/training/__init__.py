"""Scripts that train the models shipped in nlu/models/ from labelled data in the repo."""
