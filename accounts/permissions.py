"""The API's role permissions: one family, ``RolePermission`` with a read and a write role.

Anonymous requests get 401 (DRF turns a refused anonymous user into NotAuthenticated); a
signed-in user without the role gets 403 naming the role that is needed.
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request
from rest_framework.views import APIView

from accounts.roles import BUSINESS, DEVELOPER, STAFF, VIEWER, user_has_role

__all__ = [
    "IsBusiness",
    "IsDeveloper",
    "IsStaff",
    "IsViewer",
    "ReadViewerWriteBusiness",
    "ReadViewerWriteDeveloper",
    "RolePermission",
]


class RolePermission(BasePermission):
    """Requires ``read_role`` for safe methods (GET, HEAD, OPTIONS) and ``write_role`` for
    the others."""

    read_role: str = VIEWER
    write_role: str = BUSINESS

    def required_role(self, request: Request) -> str:
        return self.read_role if request.method in SAFE_METHODS else self.write_role

    def has_permission(self, request: Request, view: APIView) -> bool:
        user = request.user
        if not (user and user.is_authenticated):
            return False  # DRF answers 401 for an anonymous user
        role = self.required_role(request)
        if user_has_role(user, role):
            return True
        # An instance attribute: DRF reads ``permission.message`` for the 403 detail.
        self.message = f"This action requires the {role} role."
        return False


class IsViewer(RolePermission):
    """Read endpoints: any role may read; writes need business (a viewer never writes)."""

    read_role = VIEWER
    write_role = BUSINESS


class IsBusiness(RolePermission):
    read_role = BUSINESS
    write_role = BUSINESS


class IsDeveloper(RolePermission):
    read_role = DEVELOPER
    write_role = DEVELOPER


class IsStaff(RolePermission):
    read_role = STAFF
    write_role = STAFF


class ReadViewerWriteBusiness(RolePermission):
    """Templates, customers, workflows: everyone reads, business and up write."""

    read_role = VIEWER
    write_role = BUSINESS


class ReadViewerWriteDeveloper(RolePermission):
    """Integrations and scripts: everyone reads, developers and up write."""

    read_role = VIEWER
    write_role = DEVELOPER
