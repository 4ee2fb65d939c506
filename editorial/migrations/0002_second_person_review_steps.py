"""The site's review steps "Redaktion" and "Freigabe", made as Wagtail's group approval
tasks before this app had its own, become approvals by a second person: same task (id,
name, groups, place in the workflow and its history), new type."""

from django.db import migrations

STEPS = ("Redaktion", "Freigabe")


def to_second_person(apps, schema_editor):
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Task = apps.get_model("wagtailcore", "Task")
    SecondPersonApprovalTask = apps.get_model("editorial", "SecondPersonApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="editorial", model="secondpersonapprovaltask"
    )
    for old in GroupApprovalTask.objects.filter(name__in=STEPS):
        groups = list(old.groups.all())
        new = SecondPersonApprovalTask(task_ptr_id=old.pk, name=old.name, active=old.active)
        new.save_base(raw=True)  # the new type's row only; the Task row stays as it is
        new.groups.set(groups)
        Task.objects.filter(pk=old.pk).update(content_type=content_type)
        # The old type's rows only: deleting the model would delete the Task with them.
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM wagtailcore_groupapprovaltask_groups WHERE groupapprovaltask_id = %s",
                [old.pk],
            )
            cursor.execute(
                "DELETE FROM wagtailcore_groupapprovaltask WHERE task_ptr_id = %s", [old.pk]
            )


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(to_second_person, migrations.RunPython.noop)]
