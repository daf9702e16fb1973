#pragma once

#include <QMainWindow>

class AppCore;
class QLabel;

// The main window. For now it shows where the keys are kept and how many there are; the tier
// board and the other pages come with the desktop UI.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppCore& core, QWidget* parent = nullptr);

private:
    void showStarted(int keyCount, int keysWithoutSecret, const QString& keychainProblem);
    void showStartFailed(const QString& message);

    QLabel* m_status;
    QLabel* m_router;
};
