"""The single document and its language now live in MaterialFile (0007 moved them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0007_material_files"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="materialpage",
            name="document",
        ),
        migrations.RemoveField(
            model_name="materialpage",
            name="material_language",
        ),
    ]
