# A material's files: one per language (the old single document becomes the first).

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def files_from_documents(apps, schema_editor):
    """Each material's one document becomes its first file, in the language it had."""
    MaterialPage = apps.get_model("materials", "MaterialPage")
    MaterialFile = apps.get_model("materials", "MaterialFile")
    for page in MaterialPage.objects.exclude(document=None).iterator():
        MaterialFile.objects.get_or_create(
            page_id=page.pk,
            language=page.material_language,
            defaults={"document_id": page.document_id, "sort_order": 0},
        )


def documents_from_files(apps, schema_editor):
    MaterialPage = apps.get_model("materials", "MaterialPage")
    MaterialFile = apps.get_model("materials", "MaterialFile")
    for file in MaterialFile.objects.order_by("page_id", "sort_order").iterator():
        MaterialPage.objects.filter(pk=file.page_id, document=None).update(
            document_id=file.document_id, material_language=file.language
        )



class Migration(migrations.Migration):

    dependencies = [
        ('materials', '0006_alter_materialindexpage_body_alter_materialpage_body_and_more'),
        ('wagtaildocs', '0014_alter_document_file_size'),
    ]

    operations = [
        migrations.AlterField(
            model_name='materialpage',
            name='document_text_key',
            field=models.CharField(blank=True, default='', editable=False, max_length=500),
        ),
        migrations.CreateModel(
            name='MaterialFile',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                ('language', models.CharField(choices=[('de', 'Deutsch'), ('en', 'English'), ('es', 'Español'), ('it', 'Italiano'), ('tr', 'Türkçe'), ('ar', 'العربية')], default='de', help_text='The language this file is written in; one file per language.', max_length=10, verbose_name='language')),
                ('page_count', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('page_count_key', models.CharField(blank=True, default='', editable=False, max_length=80)),
                ('document', models.ForeignKey(help_text='The file readers download (PDF, Word, Excel, PowerPoint or OpenDocument); its text is found by the search.', on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtaildocs.document', verbose_name='file')),
                ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='files', to='materials.materialpage')),
            ],
            options={
                'verbose_name': 'material file',
                'verbose_name_plural': 'material files',
                'ordering': ['sort_order'],
                'abstract': False,
                'constraints': [models.UniqueConstraint(fields=('page', 'language'), name='materials_one_file_per_language')],
            },
        ),
        migrations.RunPython(files_from_documents, documents_from_files),
    ]
