"""cstotimeline: dated, sourced chronologies of CSTO–Armenia relations from news text."""

__version__ = "0.1.0"
