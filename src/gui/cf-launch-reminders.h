/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "cf-account.h"
#include "cf-campaign.h"

G_BEGIN_DECLS

#define CF_TYPE_LAUNCH_REMINDERS (cf_launch_reminders_get_type ())

G_DECLARE_FINAL_TYPE (CfLaunchReminders, cf_launch_reminders, CF, LAUNCH_REMINDERS, GObject)

CfLaunchReminders *cf_launch_reminders_new      (GApplication      *application,
                                                 GSettings         *settings,
                                                 GListModel        *accounts);
gboolean           cf_launch_reminders_contains (CfLaunchReminders *self,
                                                 CfAccount         *account,
                                                 CfCampaign        *campaign);
void               cf_launch_reminders_set      (CfLaunchReminders *self,
                                                 CfAccount         *account,
                                                 CfCampaign        *campaign,
                                                 gboolean           remind);

G_END_DECLS
