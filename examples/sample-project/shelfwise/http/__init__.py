"""JSON API over ``http.server``; good enough for a branch intranet."""
