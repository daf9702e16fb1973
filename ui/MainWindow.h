#pragma once

#include <QMainWindow>

struct UsageReport;
class AccessPage;
class RoutePreviewPage;
class SettingsPage;
class UsagePage;
class ActivityPage;
class AppCore;
class KeyBoard;
class KeysPage;
class QLabel;
class QAction;
class QSystemTrayIcon;
class QTabWidget;
class QTimer;
class QToolButton;

// The main window: the pages (Keys for now; Access, Activity, Route preview, Usage and Settings
// come with the rest of the desktop UI) over a status bar with the router's address.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppCore& core, QWidget* parent = nullptr);

    ActivityPage* activityPage() const { return m_activityPage; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void createStatusBar();
    void createTray();
    void setRouterState(const QString& address, const QString& problem);
    void countFinished(int count);
    void askForMonthlyUsage();
    void showMonthlyUsage(const UsageReport& report);
    void showStarted(int keyCount, int keysWithoutSecret, const QString& keychainProblem);
    void showStartFailed(const QString& message);
    void showKeyCounts(int keyCount, int keysWithoutSecret);
    void loadActivityHistory();
    void addKey();
    void editKey(qint64 id);
    void editFilters(qint64 id);
    void removeKey(qint64 id);

    // Requests of the log shown when the window opens.
    static constexpr int historyRequests = 1000;
    bool m_historyAsked = false;
    bool m_started = false;
    QString m_keychainProblem; // as found at start-up
    KeyBoard* m_board;
    QTabWidget* m_pages;
    KeysPage* m_keysPage;
    ActivityPage* m_activityPage;
    AccessPage* m_accessPage;
    RoutePreviewPage* m_routePage;
    SettingsPage* m_settingsPage;
    UsagePage* m_usagePage;
    QLabel* m_status;
    QLabel* m_router;
    AppCore& m_core;
    QToolButton* m_copyAddress = nullptr;
    QLabel* m_rate = nullptr;
    QTimer* m_rateTimer = nullptr;
    QTimer* m_usageTimer = nullptr; // asks for this month's use of each key
    QList<int> m_finishedPerSecond; // the last few seconds, newest last
    QString m_address; // empty while the router does not listen
    QSystemTrayIcon* m_tray = nullptr;
    QAction* m_toggleRouter = nullptr;
    QAction* m_keepRunning = nullptr;
};
