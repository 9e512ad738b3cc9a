"""Our app with one more route: a signed-in POST that does nothing. What every answer pays before
any review work (session cookie, CSRF check, loading the learner, a JSON reply)."""

from flask import jsonify

from app.security import signed_in
from wsgi import app


@app.post("/bench/noop")
@signed_in
def noop():
    return jsonify(results=[])
