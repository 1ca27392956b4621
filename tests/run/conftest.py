"""The run tests use the audit tests' small archive of postmortems and an
isolated result cache (both defined in tests/audit/conftest.py)."""

from tests.audit.conftest import archive, isolated_cache  # noqa: F401 - fixtures re-exported
