"""Wagtail's ``update_index``, which also rewrites the site's vocabulary (search.vocabulary):
both are derived from the pages' text, and whatever rebuilds one (a restore, a deploy that
changed the indexed fields) must rebuild the other."""

from wagtail.search.management.commands.update_index import Command as UpdateIndex

from search.vocabulary import record_all_words


class Command(UpdateIndex):
    def handle(self, **options):
        super().handle(**options)
        count = record_all_words()
        if options.get("verbosity", 1):
            self.stdout.write(f"Words of {count} live pages recorded for the search's vocabulary")
