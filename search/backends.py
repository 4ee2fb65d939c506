"""OpenSearch that answers from the database index while the engine is unreachable.

Configured as the default search backend when SEARCH_URL is set, with the database backend
(kept up to date beside it, see settings) as FALLBACK. Everything that searches goes through
it: the site's search page, the API's ``?search=`` and the admin's searches. Wagtail's search
results are lazy, so the fallback wraps their evaluation (hits, count, facets), not the
``search()`` call. Only the engine's failures fall back (connection, timeout, an error
answer); a programming error still raises.

After a failure the engine rests for RETRY_AFTER seconds (per process): every query
meanwhile goes straight to the fallback, so a hanging engine costs one TIMEOUT, not one for
each of the several queries a page makes, and the log gets one warning, not one per query.
"""

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from modelsearch.backends import get_search_backend
from modelsearch.backends.base import BaseSearchResults
from modelsearch.backends.elasticsearchbase import ElasticsearchAutocompleteQueryCompilerImpl
from modelsearch.backends.opensearch2 import OpenSearch2SearchBackend, OpenSearch2SearchResults
from modelsearch.conf import get_app_config
from opensearchpy.exceptions import SerializationError, TransportError

logger = logging.getLogger(__name__)

# Connection refused or reset, timeouts, TLS and HTTP errors: all are TransportErrors.
ENGINE_FAILURES = (TransportError, SerializationError)
DEFAULT_RETRY_AFTER = 30

# When each engine (by its hosts) may be tried again. A plain dict is enough: setting and
# reading one key is atomic, and a race between threads costs at most one more attempt.
_resting_until: dict[str, float] = {}


class SearchUnavailable(Exception):
    """The search engine failed and no fallback backend is configured."""


class ResilientSearchResults(OpenSearch2SearchResults):
    def _fallback_results(self) -> BaseSearchResults:
        """The same query, filters, ordering and slice on the fallback backend."""
        fallback = self.backend.fallback_backend()
        compiler = self.query_compiler
        run = (
            fallback.autocomplete
            if isinstance(compiler, ElasticsearchAutocompleteQueryCompilerImpl)
            else fallback.search
        )
        results = run(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        results = results[self.start : self.stop]
        if self._score_field:
            results = results.annotate_score(self._score_field)
        return results

    def _engine_or_fallback(self, on_engine: Callable[[], Any], on_fallback: Callable) -> Any:
        """on_engine(), or on_fallback(the same search on the fallback) while the engine
        rests or when it fails now."""
        if not self.backend.resting():
            try:
                return on_engine()
            except ENGINE_FAILURES as error:
                self.backend.failed(error)
        return on_fallback(self._fallback_results())

    def _do_search(self) -> Iterable:
        engine_search = super()._do_search
        # The engine's generator runs its queries as it is consumed: consume it here.
        return self._engine_or_fallback(lambda: list(engine_search()), list)

    def _do_count(self) -> int:
        return self._engine_or_fallback(super()._do_count, lambda results: results.count())

    def facet(self, field_name: str) -> dict:
        engine_facet = super().facet
        return self._engine_or_fallback(
            lambda: engine_facet(field_name), lambda results: results.facet(field_name)
        )


class ResilientOpenSearchBackend(OpenSearch2SearchBackend):
    """Wagtail's OpenSearch 2 backend, with FALLBACK (a backend's name) and RETRY_AFTER."""

    results_class = ResilientSearchResults

    def __init__(self, params: dict) -> None:
        params = dict(params)
        self.fallback_name = params.pop("FALLBACK", None)
        self.retry_after = params.pop("RETRY_AFTER", DEFAULT_RETRY_AFTER)
        super().__init__(params)
        self.engine_key = repr(self.hosts)

    def has_fallback(self) -> bool:
        return self.fallback_name in get_app_config().get_search_backend_config()

    def fallback_backend(self):
        if not self.has_fallback():
            raise SearchUnavailable("The search engine failed and there is no fallback")
        return get_search_backend(self.fallback_name)

    def resting(self) -> bool:
        """True while the engine failed recently and should not be tried again yet."""
        return time.monotonic() < _resting_until.get(self.engine_key, 0)

    def failed(self, error: Exception) -> None:
        _resting_until[self.engine_key] = time.monotonic() + self.retry_after
        if not self.has_fallback():
            logger.error("Search backend failed, no fallback: %r", error)
            raise SearchUnavailable("The search engine failed") from error
        logger.warning(
            "Search backend failed, answering from %r for %s s: %r",
            self.fallback_name,
            self.retry_after,
            error,
        )


SearchBackend = ResilientOpenSearchBackend
