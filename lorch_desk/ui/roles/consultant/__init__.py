"""The consultant's and doctor's workstation: offers, today's customers, records, prescriptions."""
