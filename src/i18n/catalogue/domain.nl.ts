/**
 * The domain texts in Dutch: what the workflow records for people to read (risk reasons, task titles, escalation and
 * withdrawal reasons), by the codes of `src/domain/domain-text-codes.ts`.
 */
export const domainNl = {
  literal: '{text}',
  riskLevel: { LOW: 'laag', MEDIUM: 'middel', HIGH: 'hoog', CRITICAL: 'kritiek' },
  risk: {
    threats_received: 'er zijn bedreigingen ontvangen',
    office_holder_targeted: 'een politieke ambtsdrager is persoonlijk doelwit',
    online_agitation: 'er is online stemmingmakerij',
    national_media: 'de situatie krijgt landelijke media-aandacht',
    local_media: 'de situatie krijgt lokale media-aandacht',
    prior_incidents: 'eerdere incidenten: {count}',
    expected_attendance: '{count} mensen verwacht',
    incident_during_intervention: 'tijdens de interventie deed zich een incident voor',
  },
  task: {
    risk_analysis: 'Risicoanalyse',
    stakeholder_map: 'Krachtenveld in kaart (bewoners, COA, gemeenteraad)',
    communication_plan: 'Communicatieplan',
    meeting_scenario: 'Draaiboek en gespreksleiding van de bijeenkomst',
    threat_assessment: 'Dreigingsinschatting met de politie',
    security_plan: 'Persoonlijk beveiligingsplan',
    aftercare_plan: 'Nazorgplan voor de ambtsdrager',
    scenario_plan: 'Scenario- en beveiligingsplan',
    crisis_communication_plan: 'Crisiscommunicatieplan',
  },
  reason: {
    expert_deactivated: 'de expert is gedeactiveerd',
    assigned_by_hand: 'er is handmatig een expert toegewezen',
    team_complete: 'het team is compleet',
    case_cancelled: 'de zaak is geannuleerd',
    session_held_without_task: 'de voorbereidende sessie is zonder deze taak gehouden',
    conflict_of_interest: 'belangenconflict: {conflict}',
  },
  conflict: {
    lives_in_municipality: 'woont en werkt in de aanvragende gemeente',
    declared: 'heeft een belangenconflict gemeld',
  },
  escalation: {
    triage_overdue: 'de hulpvraag is niet binnen de termijn beoordeeld',
    offer_round_expired: 'een aanbiedingsronde is verlopen zonder antwoord',
    pool_exhausted: 'er is geen geschikte expert meer beschikbaar; open plaatsen: {places}',
    session_after_event: 'de voorbereidende sessie kan niet vóór het evenement plaatsvinden',
    session_not_held: 'de voorbereidende sessie is niet gehouden zoals gepland',
    task_overdue: 'de taak "{task}" is te laat',
    intervention_report_overdue: 'het verslag van de interventie is te laat',
    follow_up_overdue: 'nazorgmoment {followUp} is te laat',
    ongoing_risk: 'het risico houdt na elk nazorgmoment aan',
    risk_raised: 'risico verhoogd van {from} naar {to}: {reason}',
    expert_concern: 'een expert meldt een zorg: {concern}',
    intervention_incident: 'tijdens de interventie deed zich een incident voor: {notes}',
    team_emptied: 'het enige teamlid is gedeactiveerd; wijs handmatig een expert toe',
    notification_failed: 'een bericht per {channel} kon niet worden verzonden; bereik de persoon op een andere manier en kijk in de verzonden berichten',
    lead_left: 'de teamleider is gedeactiveerd; wijs een nieuwe teamleider aan',
    returned_tasks_due: 'taken {tasks} kwamen terug van een gedeactiveerde expert en moeten binnen {hours} uur af zijn',
  },
} as const;
