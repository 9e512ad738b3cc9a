"""Spoken Japanese for the curriculum: every word, example, dialogue line and notice can be heard.

Audio is made on the server with OpenJTalk (speech.py) the first time it is asked for, kept as a file
named by what is spoken, and served with a year's caching. Only texts of the curriculum can be
spoken (/audio/<content id>/<n>.ogg), so the work the server can be asked to do is bounded.
"""

from flask import Blueprint

bp = Blueprint("audio", __name__)

from app.audio import routes  # noqa: E402,F401
