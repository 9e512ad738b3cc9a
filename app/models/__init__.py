"""Every model, importable from one place (Alembic's autogenerate sees them all through here)."""

from app.models.assessment import ItemCalibration, TestAttempt, TestResponse
from app.models.base import Base, UTCDateTime, utcnow
from app.models.curriculum import ContentItem, LessonProgress
from app.models.practice import Card, ReviewLog
from app.models.school import Assignment, AssignmentStudent, Classroom, Enrollment, Invitation, School
from app.models.user import Goal, PasswordReset, Role, User, normalise_email

__all__ = [
    "Assignment",
    "AssignmentStudent",
    "Base",
    "Card",
    "Classroom",
    "ContentItem",
    "Enrollment",
    "Goal",
    "Invitation",
    "ItemCalibration",
    "LessonProgress",
    "PasswordReset",
    "ReviewLog",
    "Role",
    "School",
    "TestAttempt",
    "TestResponse",
    "UTCDateTime",
    "User",
    "normalise_email",
    "utcnow",
]
