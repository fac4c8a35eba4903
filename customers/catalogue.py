"""The wholesaler's product catalogue for the order form.

Small and in code on purpose: the business system stays the master for prices and stock, the
form only needs to know what can be ordered. Names are Norwegian (they are stored on the order
lines, which the warehouse reads); the English names are for the form only.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    unit: str
    name_en: str
    unit_en: str

    def display_name(self, language: str) -> str:
        return self.name_en if language.startswith("en") else self.name

    def display_unit(self, language: str) -> str:
        return self.unit_en if language.startswith("en") else self.unit


CATALOGUE: tuple[Product, ...] = (
    Product("KAF-1000", "Kaffe, hele bønner", "pose à 1 kg", "Coffee, whole beans", "1 kg bag"),
    Product("KAF-0250", "Kaffe, filtermalt", "pose à 250 g", "Coffee, filter ground", "250 g bag"),
    Product("TE-0100", "Te, sort", "eske à 100 poser", "Black tea", "box of 100 bags"),
    Product("SUK-1000", "Sukkerbiter", "eske à 1 kg", "Sugar cubes", "1 kg box"),
    Product("MLK-1000", "Lettmelk", "kartong à 1 l", "Semi-skimmed milk", "1 l carton"),
    Product("KRU-0030", "Pappkrus 30 cl", "pakke à 50", "Paper cups 30 cl", "pack of 50"),
    Product("LOK-0030", "Lokk til pappkrus", "pakke à 50", "Lids for paper cups", "pack of 50"),
    Product("SRV-0033", "Servietter, hvite", "pakke à 250", "Napkins, white", "pack of 250"),
    Product("TRK-0002", "Tørkerull, industri", "pakke à 2", "Paper towel, industrial", "pack of 2"),
    Product("OPP-5000", "Oppvaskmiddel", "kanne à 5 l", "Dishwashing liquid", "5 l can"),
)

_BY_SKU = {product.sku: product for product in CATALOGUE}


def product_get(sku: str) -> Product | None:
    return _BY_SKU.get(sku)
