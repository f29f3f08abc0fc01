"""Small helpers with no knowledge of the domain objects."""
