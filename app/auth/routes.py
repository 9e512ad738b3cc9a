"""Account pages: parse the form, call a service, render or redirect."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from app.auth import bp, forms, services
from app.extensions import limiter, login_account_key
from app.models import Role, utcnow
from app.security import public, roles_required, safe_next, signed_in


def _failed(response) -> bool:
    """Only failed attempts count towards the log-in limits: success redirects."""
    return response.status_code != 302


@bp.route("/signup", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["SIGNUP_LIMIT_PER_IP"], methods=["POST"])
@public
def signup():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = forms.SignupForm()
    if form.validate_on_submit():
        try:
            user = services.sign_up(name=form.name.data, email=form.email.data, password=form.password.data,
                                    ui_locale=str(get_locale()))
        except services.EmailTaken:
            form.email.errors.append(_("An account with this e-mail exists already. Log in instead."))
        else:
            login_user(user)
            flash(_("Welcome to Kakehashi, %(name)s! Set your goal below.", name=user.name), "success")
            return redirect(url_for("auth.profile"))
    return render_template("auth/signup.html", form=form), 400 if form.errors else 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_IP"], methods=["POST"], deduct_when=_failed)
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_ACCOUNT"], key_func=login_account_key,
               methods=["POST"], deduct_when=_failed)
@public
def login():
    form = forms.LoginForm(next=request.args.get("next", ""))
    if current_user.is_authenticated:
        return redirect(safe_next(form.next.data))
    status = 200
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is not None:
            login_user(user, remember=form.remember.data)
            return redirect(safe_next(form.next.data))
        form.password.errors.append(_("The e-mail or the password is wrong."))
        status = 401
    elif form.errors:
        status = 400
    return render_template("auth/login.html", form=form), status


@bp.post("/logout")
@signed_in
def logout():
    if forms.ButtonForm().validate_on_submit():
        logout_user()
        flash(_("You have logged out."), "info")
    return redirect(url_for("main.home"))


@bp.route("/profile", methods=["GET", "POST"])
@signed_in
def profile():
    form = forms.ProfileForm(obj=current_user)
    form.keep_current_timezone(current_user.timezone)
    if form.validate_on_submit():
        services.update_profile(current_user, name=form.name.data, ui_locale=form.ui_locale.data,
                                timezone=form.timezone.data, goal=form.goal.data,
                                daily_goal_minutes=form.daily_goal_minutes.data,
                                new_cards_per_day=form.new_cards_per_day.data,
                                desired_retention=form.desired_retention.data)
        session["locale"] = form.ui_locale.data
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("auth.profile"))
    if request.method == "GET":
        form.goal.data = current_user.goal.value
    return render_template("auth/profile.html", form=form, password_form=forms.ChangePasswordForm()), \
        400 if form.errors else 200


@bp.post("/profile/password")
@signed_in
def change_password():
    form = forms.ChangePasswordForm()
    if form.validate_on_submit():
        if services.change_password(current_user, current=form.current.data, new=form.password.data):
            login_user(current_user._get_current_object())  # this device stays in, with the new token
            flash(_("Your password is changed. Other phones and computers are logged out."), "success")
            return redirect(url_for("auth.profile"))
        form.current.errors.append(_("That is not your current password."))
    profile_form = forms.ProfileForm(obj=current_user)
    profile_form.keep_current_timezone(current_user.timezone)
    profile_form.goal.data = current_user.goal.value
    return render_template("auth/profile.html", form=profile_form, password_form=form), 400


@bp.post("/language")
@public
def set_language():
    form = forms.LanguageForm()
    if not form.validate_on_submit() or form.locale.data not in current_app.config["LANGUAGES"]:
        abort(400)
    session["locale"] = form.locale.data
    if current_user.is_authenticated:
        services.set_ui_locale(current_user, form.locale.data)
    return redirect(safe_next(form.next.data))


# --- Password reset without e-mail ---------------------------------------------------------------

@bp.get("/users")
@roles_required(Role.ADMIN, Role.SCHOOL_ADMIN)
def users():
    return render_template("auth/users.html", users=services.users_managed_by(current_user),
                           button=forms.ButtonForm(), role_names=forms.ROLE_LABELS)


@bp.post("/users/<int:user_id>/reset-link")
@roles_required(Role.ADMIN, Role.SCHOOL_ADMIN)
def make_reset_link(user_id: int):
    if not forms.ButtonForm().validate_on_submit():
        abort(400)
    try:
        link = services.make_reset_link(
            actor=current_user, user_id=user_id, now=utcnow(),
            valid_for=timedelta(hours=current_app.config["PASSWORD_RESET_HOURS"]))
    except services.NotAllowed:
        abort(404)
    url = url_for("auth.reset_password", token=link.token, _external=True)
    return render_template("auth/reset_link.html", link=link, url=url)


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["LOGIN_LIMIT_PER_IP"], methods=["POST"])
@public
def reset_password(token: str):
    try:
        user = services.check_reset_link(token, now=utcnow())
    except services.BadResetLink as bad:
        return render_template("auth/reset_invalid.html", reason=bad.reason), 410 if bad.reason != "unknown" else 404
    form = forms.ResetPasswordForm()
    if form.validate_on_submit():
        try:
            user = services.reset_password(token, password=form.password.data, now=utcnow())
        except services.BadResetLink as bad:
            return render_template("auth/reset_invalid.html", reason=bad.reason), 410
        logout_user()
        flash(_("Your new password is set. Log in with it now."), "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form, user=user), 400 if form.errors else 200
