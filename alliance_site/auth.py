"""Login protection for the admin, on top of django-axes."""

from axes.backends import AxesStandaloneBackend


class LoginLockoutBackend(AxesStandaloneBackend):
    """Refuses logins to an account locked out after too many failures.

    Only web logins count: a call to `authenticate()` without a request (a
    shell, a management command, the test client's `login()`) cannot be a
    guessing attack from the network, so it goes straight to the next backend
    instead of raising an error as django-axes would.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
