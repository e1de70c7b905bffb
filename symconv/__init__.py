"""symconv"""
