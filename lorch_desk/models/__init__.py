"""SQLAlchemy 2.0 typed models, one module per area; import registry to load them all."""
