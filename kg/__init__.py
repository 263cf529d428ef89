"""innovation-kg: a knowledge graph of regional innovation ecosystems from Chinese municipal plans."""

from kg.models import Document, Edge, Evidence, Graph, Node

__all__ = ["Document", "Edge", "Evidence", "Graph", "Node"]
__version__ = "0.1.0"
