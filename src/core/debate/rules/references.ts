import {type DebateRule, type DebateRuleFinding, findOption, quote} from './debate-rule.js'

/**
 * Every reference resolves: people to `roles`, positions to options, score and crux cells to options
 * and drivers, objection targets, risk → check, crux → trigger, trigger sources.
 */
export const references: DebateRule = {
  id: 'debate/references',
  description: 'Every name and id the record refers to exists',
  check({record, participants, everyone, passed}) {
    const out: DebateRuleFinding[] = []
    const isParticipant = new Set(participants)
    const options = new Set((record.options ?? []).map((o) => o.id))
    const drivers = new Set((record.drivers ?? []).map((d) => d.id))
    const cruxes = new Set((record.cruxes ?? []).map((c) => c.id))
    const risks = new Set((record.premortem ?? []).map((r) => r.id))
    const checks = new Set((record.confirmation ?? []).map((c) => c.id))
    const triggers = new Set((record.revisit?.triggers ?? []).map((t) => t.id))
    const need = (ok: boolean, path: (string | number)[], what: string, value: unknown, expected: string) => {
      if (!ok) out.push({path, message: `Unexpected ${what} ${quote(value)}, expected ${expected}`})
    }
    const person = (value: string | undefined, path: (string | number)[], what: string) => {
      if (value !== undefined) need(everyone.has(value), path, what, value, 'a person named in `roles`')
    }
    const participant = (value: string | undefined, path: (string | number)[], what: string) => {
      if (value !== undefined) need(isParticipant.has(value), path, what, value, 'one of the participants')
    }
    const option = (value: string | undefined, path: (string | number)[], what: string) => {
      if (value !== undefined && record.options) need(options.has(value), path, what, value, 'the id of an option')
    }
    const driver = (value: string, path: (string | number)[], what: string) => {
      if (record.drivers) need(drivers.has(value), path, what, value, 'the id of a driver')
    }

    if (passed('G4')) {
      record.roles.participants.forEach((p, i) => {
        if (p.initial_position !== undefined && !findOption(record.options, p.initial_position)) {
          out.push({
            path: ['roles', 'participants', i, 'initial_position'],
            message: `Unexpected initial position ${quote(p.initial_position)}, expected the id, title or alias of an option (add it to \`options\` or as an alias)`,
          })
        }
      })
    }
    for (const [i, n] of (record.reversibility?.nominations ?? []).entries()) {
      participant(n.participant, ['reversibility', 'nominations', i, 'participant'], 'nomination by')
    }
    for (const name of Object.keys(record.weights?.proposed ?? {})) participant(name, ['weights', 'proposed', name], 'weights proposed by')
    for (const [i, name] of (record.weights?.agreed_by ?? []).entries()) person(name, ['weights', 'agreed_by', i], 'agreement by')
    record.options?.forEach((o, i) => {
      participant(o.champion, ['options', i, 'champion'], 'champion')
      o.steelman?.forEach((s, j) => {
        participant(s.author, ['options', i, 'steelman', j, 'author'], 'steelman author')
        for (const [k, d] of s.drivers.entries()) driver(d, ['options', i, 'steelman', j, 'drivers', k], 'driver')
      })
    })
    option(record.null_option?.option, ['null_option', 'option'], 'null option')
    const scorers = new Set([
      ...participants,
      ...(record.roles.facilitator_scores && record.roles.facilitator ? [record.roles.facilitator] : []),
    ])
    record.scoring?.entries.forEach((e, i) => {
      need(
        scorers.has(e.participant),
        ['scoring', 'entries', i, 'participant'],
        'scorer',
        e.participant,
        'a participant (or the facilitator with `facilitator_scores`)',
      )
      option(e.option, ['scoring', 'entries', i, 'option'], 'option')
      driver(e.driver, ['scoring', 'entries', i, 'driver'], 'driver')
      if (e.crux !== undefined) need(cruxes.has(e.crux), ['scoring', 'entries', i, 'crux'], 'crux', e.crux, 'the id of a crux in `cruxes`')
    })
    record.cruxes?.forEach((c, i) => {
      c.cells.forEach((cell, j) => {
        option(cell.option, ['cruxes', i, 'cells', j, 'option'], 'option')
        driver(cell.driver, ['cruxes', i, 'cells', j, 'driver'], 'driver')
      })
      participant(c.owner, ['cruxes', i, 'owner'], 'crux owner')
      participant(c.owner_of_experiment, ['cruxes', i, 'owner_of_experiment'], 'experiment owner')
      if (c.trigger !== undefined && record.revisit)
        need(triggers.has(c.trigger), ['cruxes', i, 'trigger'], 'trigger', c.trigger, 'the id of a revisit trigger')
    })
    record.premortem?.forEach((r, i) => {
      participant(r.participant, ['premortem', i, 'participant'], 'story by')
      option(r.option, ['premortem', i, 'option'], 'option')
      if (r.check !== undefined && record.confirmation)
        need(checks.has(r.check), ['premortem', i, 'check'], 'check', r.check, 'the id of a confirmation check')
    })
    record.objections?.forEach((o, i) => {
      person(o.raiser, ['objections', i, 'raiser'], 'raiser')
      person(o.by, ['objections', i, 'by'], 'resolver')
      option(o.option, ['objections', i, 'option'], 'objection target')
      for (const [j, h] of (o.harms ?? []).entries()) {
        need(
          h.startsWith('D') ? drivers.has(h) : risks.has(h),
          ['objections', i, 'harms', j],
          'harmed driver or risk',
          h,
          'the id of a driver or a risk',
        )
      }
    })
    person(record.decision?.decided_by, ['decision', 'decided_by'], 'decider')
    record.revisit?.triggers.forEach((t, i) => {
      if (t.source !== undefined) {
        need(
          t.source.startsWith('C') ? cruxes.has(t.source) : risks.has(t.source),
          ['revisit', 'triggers', i, 'source'],
          'trigger source',
          t.source,
          'the id of a crux or a risk',
        )
      }
    })
    for (const [i, r] of (record.revisit?.reviews ?? []).entries()) person(r.by, ['revisit', 'reviews', i, 'by'], 'reviewer')
    return out
  },
  examples: {
    ok: [{description: 'an initial position given as an alias', apply: (r) => (r.roles.participants[0].initial_position = 'postgres')}],
    notOk: [
      {
        description: 'a score by someone who is not a participant',
        apply: (r) => (r.scoring!.entries[0].participant = 'mallory'),
        message: 'Unexpected scorer `mallory`',
      },
      {
        description: 'a crux cell on an unknown driver',
        apply: (r) => (r.cruxes![0].cells[0].driver = 'D9'),
        message: 'Unexpected driver `D9`',
      },
      {description: 'a risk watched by a missing check', apply: (r) => (r.premortem![0].check = 'F7'), message: 'Unexpected check `F7`'},
      {
        description: 'a trigger from a missing risk',
        apply: (r) => (r.revisit!.triggers[0].source = 'R9'),
        message: 'Unexpected trigger source `R9`',
      },
      {
        description: 'an objection against an unknown option',
        apply: (r) => (r.objections![1].option = 'oracle'),
        message: 'Unexpected objection target `oracle`',
      },
      {
        description: 'a position that names no option',
        apply: (r) => (r.roles.participants[1].initial_position = 'CouchDB'),
        message: 'Unexpected initial position `CouchDB`',
      },
    ],
  },
}
