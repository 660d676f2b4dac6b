"""nlu: reads a question (or a chat reply) into Facts and intents.

The public entry point is :func:`nlu.reader.read` (see ARCHITECTURE.md). Inside:

- ``pipeline``  the spaCy pipeline (blank English, rule components), built once;
- ``money``     amounts in every written form;
- ``roles``     what each amount is, from the words around it;
- ``tables``    ages, years, filing status, employment, plan features (phrase tables);
- ``providers`` plan providers and plan types;
- ``intents``   what is asked, and out-of-scope topics;
- ``intent_classes`` intents from word classes meeting in a sentence (PhraseMatcher);
- ``intent_model``   the trained intent classifier (``models/``, trained by ``training/``);
- ``answers``   short replies to the bot's own question;
- ``assemble``  the one place where all of that becomes validated Facts;
- ``context``   sentences, questions, negation and "if" around a phrase;
- ``matching``  fast matching of many patterns; ``data`` loads nlu/patterns/*.yaml;
- ``cli``       ``rothbot parse``.
"""
