import type { RiskLevel } from '@shared/reference/contract.js';

/**
 * Spanish wording and risk level for the high-risk areas of border-reference.json, whose
 * names and hazards are in English only. Translations by the team; the geometry, sources
 * and `approx` flags stay those of the reference file.
 */
export const areaTranslations: Record<
  string,
  { nameEs: string; hazardEs: string; seasonEs: string; riskLevel: RiskLevel }
> = {
  'az-west-desert-high-risk-zone': {
    nameEs:
      "Desierto del Oeste de Arizona (desierto de Sonora al oeste de Nogales y al este de Yuma) — 'zona de alto riesgo' binacional de 2001",
    hazardEs: 'calor, deshidratación, abandono por traficantes',
    seasonEs: 'mayo–septiembre',
    riskLevel: 'extreme',
  },
  'tohono-oodham-nation': {
    nameEs: "Nación Tohono O'odham (reserva principal, tramo fronterizo)",
    hazardEs: 'calor, lejanía',
    seasonEs: 'mayo–septiembre',
    riskLevel: 'extreme',
  },
  'organ-pipe-cactus-nm': {
    nameEs: 'Monumento Nacional Organ Pipe Cactus',
    hazardEs: 'calor, lejanía',
    seasonEs: 'mayo–septiembre',
    riskLevel: 'high',
  },
  'cabeza-prieta-nwr': {
    nameEs: 'Refugio Nacional de Vida Silvestre Cabeza Prieta',
    hazardEs: 'calor extremo, sin agua',
    seasonEs: 'mayo–septiembre',
    riskLevel: 'extreme',
  },
  'altar-valley-west-of-nogales': {
    nameEs: 'Valle de Altar / zona de Arivaca al norte de Sásabe, al oeste de Nogales (incl. faldas del Baboquivari)',
    hazardEs: 'calor, terreno accidentado',
    seasonEs: 'mayo–octubre',
    riskLevel: 'high',
  },
  'all-american-canal': {
    nameEs: 'Corredor del Canal Todo Americano (de Andrade/Pilot Knob al oeste, pasando Calexico)',
    hazardEs: 'ahogamiento (agua rápida y fría; bordes revestidos y empinados)',
    seasonEs: 'todo el año',
    riskLevel: 'extreme',
  },
  'east-san-diego-mountains': {
    nameEs: 'Montañas al este de San Diego (Otay Mountain Wilderness, cerro Tecate, Campo, Jacumba, montañas Laguna)',
    hazardEs: 'frío, nieve, terreno accidentado',
    seasonEs: 'noviembre–abril',
    riskLevel: 'high',
  },
  'rio-grande-del-rio-eagle-pass': {
    nameEs: 'Río Bravo, tramo Del Rio – Eagle Pass (Sector Del Rio)',
    hazardEs: 'ahogamiento, corrientes rápidas',
    seasonEs: 'todo el año (peor después de lluvias)',
    riskLevel: 'high',
  },
  'rio-grande-laredo': {
    nameEs: 'Río Bravo, tramo Laredo – Nuevo Laredo (del puente Colombia al condado de Zapata)',
    hazardEs: 'ahogamiento',
    seasonEs: 'todo el año',
    riskLevel: 'high',
  },
  'rio-grande-valley': {
    nameEs:
      'Valle del Bajo Río Bravo (Roma – Rio Grande City – McAllen/Reynosa – Brownsville/Matamoros hasta el Golfo), incl. canales de riego cerca de Mission',
    hazardEs: 'ahogamiento, canales, calor en ranchos del interior',
    seasonEs: 'todo el año',
    riskLevel: 'high',
  },
};
