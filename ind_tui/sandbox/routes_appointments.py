"""Sandbox routes: appointments."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter()
