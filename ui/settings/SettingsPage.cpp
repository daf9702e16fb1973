#include "ui/settings/SettingsPage.h"

#include "app/AppCore.h"
#include "app/AwaitTask.h"
#include "app/settings/Settings.h"
#include "ui/widgets/StatusLabel.h"

#include <QCheckBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {

QString caption(const QString& name)
{
    static const QHash<QString, const char*> captions {
        { QStringLiteral("port"), QT_TRANSLATE_NOOP("SettingsPage", "Port (0: any free one):") },
        { QStringLiteral("bind-address"), QT_TRANSLATE_NOOP("SettingsPage", "Bind address:") },
        { QStringLiteral("connect-timeout-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Connect timeout:") },
        { QStringLiteral("headers-timeout-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Response headers timeout:") },
        { QStringLiteral("first-event-timeout-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "First event timeout:") },
        { QStringLiteral("first-byte-timeout-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Unstreamed answer timeout:") },
        { QStringLiteral("stream-idle-timeout-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Stream idle timeout:") },
        { QStringLiteral("total-deadline-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Deadline per request:") },
        { QStringLiteral("attempt-budget"),
            QT_TRANSLATE_NOOP("SettingsPage", "Attempts per request:") },
        { QStringLiteral("wait-budget-ms"),
            QT_TRANSLATE_NOOP("SettingsPage", "Wait for a cooling key:") },
        { QStringLiteral("log-retention-days"),
            QT_TRANSLATE_NOOP("SettingsPage", "Keep the activity log for:") },
        { QStringLiteral("log-retention-mb"),
            QT_TRANSLATE_NOOP("SettingsPage", "Activity log at most:") },
    };
    const char* text = captions.value(name);
    return text ? QCoreApplication::translate("SettingsPage", text) : name + u':';
}

QString suffix(const QString& name)
{
    if (name.endsWith(u"-ms"))
        return SettingsPage::tr(" ms");
    if (name.endsWith(u"-days"))
        return SettingsPage::tr(" days");
    if (name.endsWith(u"-mb"))
        return SettingsPage::tr(" MB");
    return {};
}

} // namespace

SettingsPage::SettingsPage(AppCore& core, QWidget* parent)
    : QWidget(parent)
    , m_core(core)
    , m_saved(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);
    for (const Settings::Definition& definition : Settings::definitions()) {
        auto* cell = new QWidget(this);
        auto* column = new QVBoxLayout(cell);
        column->setContentsMargins(0, 0, 0, 0);
        QWidget* editor = nullptr;
        if (definition.kind == Settings::Kind::Integer) {
            auto* spin = new QSpinBox(cell);
            spin->setRange(int(definition.minimum), int(definition.maximum));
            spin->setSuffix(suffix(definition.name));
            spin->setGroupSeparatorShown(true);
            editor = spin;
        } else {
            editor = new QLineEdit(cell);
        }
        editor->setObjectName(definition.name);
        editor->setToolTip(definition.description);
        auto* problem = new StatusLabel(SemanticColours::Role::Bad, cell);
        problem->setWordWrap(true);
        problem->hide();
        column->addWidget(editor);
        column->addWidget(problem);
        auto* label = new QLabel(caption(definition.name), this);
        label->setBuddy(editor);
        form->addRow(label, cell);
        m_editors.insert(definition.name, editor);
        m_problems.insert(definition.name, problem);
    }
    auto* applyButton = new QPushButton(tr("&Apply"), this);
    applyButton->setObjectName(QStringLiteral("apply"));
    connect(applyButton, &QPushButton::clicked, this, &SettingsPage::apply);
    auto* row = new QHBoxLayout;
    row->addWidget(applyButton);
    row->addWidget(m_saved, 1);
    layout->addLayout(row);

    auto* atLogin = new QCheckBox(tr("Start Keyway when I log in"), this);
    atLogin->setObjectName(QStringLiteral("startAtLogin"));
    atLogin->setChecked(QFile::exists(autostartFile()));
    connect(atLogin, &QCheckBox::toggled, this, &SettingsPage::setStartAtLogin);
    auto* minimised = new QCheckBox(tr("Start minimised to the tray"), this);
    minimised->setObjectName(QStringLiteral("startMinimised"));
    minimised->setChecked(startsMinimised());
    connect(minimised, &QCheckBox::toggled, this,
        [](bool on) { QSettings().setValue(QStringLiteral("startup/minimised"), on); });
    layout->addWidget(atLogin);
    layout->addWidget(minimised);
    layout->addStretch();

    connect(&m_core, &AppCore::settingsChanged, this, &SettingsPage::showSettings);
    showSettings(m_core.settings());
}

void SettingsPage::showSettings(const QHash<QString, QString>& settings)
{
    m_shown = settings;
    for (auto it = settings.cbegin(); it != settings.cend(); ++it)
        setValue(it.key(), it.value());
}

QString SettingsPage::value(const QString& name) const
{
    const QWidget* editor = m_editors.value(name);
    if (const auto* spin = qobject_cast<const QSpinBox*>(editor))
        return QString::number(spin->value());
    if (const auto* line = qobject_cast<const QLineEdit*>(editor))
        return line->text().trimmed();
    return {};
}

void SettingsPage::setValue(const QString& name, const QString& value)
{
    QWidget* editor = m_editors.value(name);
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        spin->setValue(value.toInt());
    else if (auto* line = qobject_cast<QLineEdit*>(editor))
        line->setText(value);
}

QString SettingsPage::problem(const QString& name) const
{
    const QLabel* label = m_problems.value(name);
    return label && !label->isHidden() ? label->text() : QString();
}

bool SettingsPage::apply()
{
    for (QLabel* problem : std::as_const(m_problems))
        problem->hide();
    m_saved->clear();
    const QString bind = value(QStringLiteral("bind-address"));
    const QHostAddress address(bind);
    if (bind != m_shown.value(QStringLiteral("bind-address")) && !address.isNull()
        && !address.isLoopback()) {
        const auto answer = QMessageBox::warning(this, tr("Bind beyond this computer?"),
            tr("On %1 the router can be reached from your network. Anyone there who has or "
               "guesses a local API key can spend your provider keys. Bind there anyway?")
                .arg(bind),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return false;
    }
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QString current = value(it.key());
        if (current != m_shown.value(it.key()))
            save(it.key(), current);
    }
    if (m_pendingSaves == 0)
        m_saved->setText(tr("Nothing changed."));
    return true;
}

void SettingsPage::save(const QString& name, const QString& value)
{
    ++m_pendingSaves;
    whenFinished(this, m_core.setSetting(name, value), [this, name](const Result<QString>& saved) {
        --m_pendingSaves;
        if (saved && m_pendingSaves == 0)
            m_saved->setText(tr("Saved; the router uses the new values now."));
        if (QLabel* problem = m_problems.value(name); problem && !saved) {
            problem->setText(saved.failure().message);
            problem->show();
        }
    });
}

QString SettingsPage::autostartFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
        + QStringLiteral("/autostart/keyway.desktop");
}

bool SettingsPage::startsMinimised()
{
    return QSettings().value(QStringLiteral("startup/minimised"), false).toBool();
}

void SettingsPage::setStartAtLogin(bool start)
{
    const QString path = autostartFile();
    if (!start) {
        QFile::remove(path);
        return;
    }
    QDir().mkpath(QFileInfo(path).path());
    QFile entry(path);
    if (!entry.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_saved->setText(tr("Cannot write %1: %2").arg(path, entry.errorString()));
        return;
    }
    entry.write("[Desktop Entry]\nType=Application\nName=Keyway\nExec="
        + QCoreApplication::applicationFilePath().toUtf8()
        + "\nIcon=keyway\nX-GNOME-Autostart-enabled=true\n");
}
