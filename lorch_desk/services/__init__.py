"""Use cases: take a unit of work, check permission and workflow, return DTOs, never commit."""
