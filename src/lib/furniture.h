/* furniture.h - built-in rules for page furniture (see furniture.c). */
#ifndef RP_FURNITURE_H
#define RP_FURNITURE_H

#include <stddef.h>

/* Why a line was dropped (0 = kept). */
enum {
	RP__FURN_KEEP = 0,
	RP__FURN_EMPTY,
	RP__FURN_IMAGES,  /* only image placeholders and bracket groups */
	RP__FURN_BULLET,  /* a short bullet: navigation */
	RP__FURN_NAVBAR,  /* short items between | separators */
	RP__FURN_SHARE,   /* a short share / app / sign-in line */
	RP__FURN_LINKS,   /* a text browser's numbered link list */
	RP__FURN_METALINE /* key : value ; key : value ; ... */
};

/* Classify one line (UTF-8, no newline). */
int rp__furniture_line(const char *line, size_t len);

#endif
