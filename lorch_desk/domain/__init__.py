"""Pure clinic rules: standard library only, no Qt, no ORM."""
