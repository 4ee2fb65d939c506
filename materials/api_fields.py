"""How the API shows a material: its files in each language, its languages, the file in
the page's language, and a material as a project's download or the materials route lists it."""

from typing import Any

from typing_extensions import TypedDict

from core.api_fields import DocumentDict, PageLinkDict, WholePageField, document_dict, page_link


class MaterialFileDict(TypedDict):
    language: str
    language_name: str
    document: DocumentDict
    page_count: int | None


class MaterialDict(TypedDict):
    page: PageLinkDict
    kind: str
    languages: list[str]
    year: int | None
    files: list[MaterialFileDict]
    document: DocumentDict | None


def material_file_dict(file: Any) -> MaterialFileDict:
    return MaterialFileDict(
        language=file.language,
        language_name=file.language_info["name_local"],
        document=document_dict(file.document),
        page_count=file.page_count,
    )


def material_document(material: Any) -> DocumentDict | None:
    """The file in the page's language, else the German one, else the first."""
    file = material.file_for(material.locale.language_code)
    return document_dict(file.document) if file else None


def material_dict(material: Any) -> MaterialDict:
    return MaterialDict(
        page=page_link(material),
        kind=material.kind,
        languages=material.languages,
        year=material.year,
        files=[material_file_dict(file) for file in material.bundle],
        document=material_document(material),
    )


class MaterialFilesField(WholePageField):
    """A material's files: one per language, each with its document and page count."""

    def to_representation(self, page: Any) -> list[MaterialFileDict]:
        return [material_file_dict(file) for file in page.bundle]


class MaterialLanguagesField(WholePageField):
    """The language codes a material's files exist in, in the editors' order."""

    def to_representation(self, page: Any) -> list[str]:
        return page.languages


class MaterialDocumentField(WholePageField):
    """The material's file in the page's language, else German, else the first."""

    def to_representation(self, page: Any) -> DocumentDict | None:
        return material_document(page)
