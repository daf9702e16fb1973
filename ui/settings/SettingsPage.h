#pragma once

#include <QHash>
#include <QWidget>

class AppCore;
class QCheckBox;
class QLabel;

// The Settings page: the router's address, timeouts, budgets and the activity log's retention
// (stored in the database, shared with `keyway settings`, applied by the running router), and
// this desktop's start-up choices (start at login, start minimised to the tray). Binding beyond
// loopback is confirmed first: it puts the keys within reach of the network.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(AppCore& core, QWidget* parent = nullptr);

    // The value shown for a setting, and setting it as if typed.
    QString value(const QString& name) const;
    void setValue(const QString& name, const QString& value);
    QString problem(const QString& name) const;
    // Saves what was changed; false when the person declined to bind beyond loopback.
    bool apply();

    // The autostart entry this desktop reads at login (XDG).
    static QString autostartFile();
    static bool startsMinimised();

private:
    void showSettings(const QHash<QString, QString>& settings);
    void setStartAtLogin(bool start);
    void save(const QString& name, const QString& value);

    AppCore& m_core;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_problems;
    QHash<QString, QString> m_shown; // as last published
    int m_pendingSaves = 0;
    QLabel* m_saved;
};
